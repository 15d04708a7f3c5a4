// Bluesky: 300 graphemes, links count as text (they become facets), replies threaded by
// reference. A resend cannot make a second post (the record key comes from the delivery), and a
// post is looked up by that key before a resend. Sending lives in ./bluesky-client.ts, loaded on
// the first post: its library takes most of a second to load.
import { z } from "zod";
import { fitPost, limitOf, type PostRules } from "./text";
import type { Channel, Job } from "./channel";
import { defineNetwork, lazyChannel, trimSlash } from "./network";

export type BlueskyConfig = { service: string; identifier: string; password: string };

const POST: PostRules = { max: 300, count: "graphemes", linkCost: null };
const LIMIT = limitOf(POST);

export function blueskyText(job: Pick<Job, "incident" | "update" | "url">): string {
  return fitPost(
    { incidentName: job.incident.name, status: job.update.status, body: job.update.body, url: job.url },
    LIMIT,
  );
}

export function blueskyChannel(cfg: BlueskyConfig): Channel {
  return lazyChannel("bluesky", { idempotent: true, canFind: true }, async () =>
    (await import("./bluesky-client")).connectBluesky(cfg),
  );
}

export const blueskyNetwork = defineNetwork({
  name: "bluesky",
  label: "Bluesky",
  env: {
    BLUESKY_SERVICE: z.url({ error: "must be an absolute http(s) URL" }).default("https://bsky.social"),
    BLUESKY_IDENTIFIER: z.string().min(1).optional(),
    BLUESKY_APP_PASSWORD: z.string().min(1).optional(),
  },
  required: ["BLUESKY_IDENTIFIER", "BLUESKY_APP_PASSWORD"],
  settings: (e): BlueskyConfig => ({
    service: trimSlash(e.BLUESKY_SERVICE),
    identifier: e.BLUESKY_IDENTIFIER!,
    password: e.BLUESKY_APP_PASSWORD!,
  }),
  post: POST,
  text: blueskyText,
  channel: blueskyChannel,
});
