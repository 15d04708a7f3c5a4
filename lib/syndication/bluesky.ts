// Bluesky: 300 graphemes, links count as text (they become facets), replies threaded by
// reference. A resend cannot make a second post (the record key comes from the delivery), and a
// post is looked up by that key before a resend. Sending lives in ./bluesky-client.ts, loaded on
// the first post: its library takes most of a second to load.
import { z } from "zod";
import type { BlueskyConfig } from "./bluesky-client";
import { BLUESKY_POST, blueskyText } from "./bluesky-text";
import type { Channel } from "./channel";
import { defineNetwork, lazyChannel, trimSlash } from "./network";

export { blueskyText };

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
  post: BLUESKY_POST,
  text: blueskyText,
  channel: blueskyChannel,
});
