// The social networks Outpost can post to: one line each. The configuration, the outbox, the
// sender, the staff channel page, the editor's preview and the deliveries view all read this
// list. A new network is its own descriptor file (see ./network.ts), a line here and its
// variables in .env.example.
import { blueskyNetwork } from "./bluesky";
import { mastodonNetwork } from "./mastodon";
import type { NetworkPreview } from "./network";
import { limitOf, previewPost, type Limit, type PostSource, type Preview } from "./text";
import { xNetwork } from "./x";

export const SOCIAL_NETWORKS = [xNetwork, mastodonNetwork, blueskyNetwork] as const;

export type SocialNetworks = (typeof SOCIAL_NETWORKS)[number];
export type NetworkName = SocialNetworks["name"];
/** A network's name (x, mastodon, bluesky). */
export type Network = NetworkName;

export const NETWORKS = SOCIAL_NETWORKS.map((n) => n.name) as readonly NetworkName[];

export function networkNamed(name: string): SocialNetworks | undefined {
  return SOCIAL_NETWORKS.find((n) => n.name === name);
}

/** Each network's counting rules, by name. */
export const LIMITS = Object.fromEntries(SOCIAL_NETWORKS.map((n) => [n.name, limitOf(n.post)])) as Record<
  NetworkName,
  Limit
>;

/** What the editor's preview needs of a network (it runs in the browser, so plain data). */
export function networkPreview(name: NetworkName): NetworkPreview {
  const n = networkNamed(name)!;
  return { name: n.name, label: n.label, post: n.post };
}

/** What each network would post, and whether the message had to be shortened. */
export function previewPosts(src: PostSource): Preview[] {
  return SOCIAL_NETWORKS.map((n) => previewPost(src, n.name, LIMITS[n.name]));
}
