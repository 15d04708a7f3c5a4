// A Bluesky post's text: 300 graphemes, links count as text (they become facets). Shared by the
// network's descriptor (previews, limits) and the client that sends.
import { fitPost, limitOf, type PostRules } from "./text";
import type { Job } from "./channel";

export const BLUESKY_POST: PostRules = { max: 300, count: "graphemes", linkCost: null };
const LIMIT = limitOf(BLUESKY_POST);

export function blueskyText(job: Pick<Job, "incident" | "update" | "url">): string {
  return fitPost(
    { incidentName: job.incident.name, status: job.update.status, body: job.update.body, url: job.url },
    LIMIT,
  );
}
