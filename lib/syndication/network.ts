// What a social network is to Outpost: one descriptor per network (lib/syndication/<network>.ts),
// listed once in lib/syndication/networks.ts. Everything that deals with networks (the
// configuration, the outbox, the sender, the staff channel page, the editor's preview, the
// deliveries view) reads that list, so a new network is its own file and one line there.
import type { z } from "zod";
import type { Channel, Job } from "./channel";
import type { PostRules } from "./text";

export type SocialNetwork<N extends string = string, S extends z.ZodRawShape = z.ZodRawShape, C = unknown> = {
  name: N;
  /** How staff see it named. */
  label: string;
  /** Its environment variables and their schemas; lib/config.ts parses them with its own. */
  env: S;
  /** The variables that turn it on: all of them, or none (it is then off, never an error). */
  required: readonly (keyof S & string)[];
  /** Its settings, from the parsed environment once all of `required` are set. */
  settings(env: z.output<z.ZodObject<S>>): C;
  /** How it counts a post: the formatter fits posts to it, the editor previews with it. */
  post: PostRules;
  /** The text it posts for an update. */
  text(job: Pick<Job, "incident" | "update" | "url">): string;
  /** Its sender, for the outbox. */
  channel(settings: C): Channel;
};

/** Keeps a descriptor's literal name and its settings' type. */
export function defineNetwork<const N extends string, S extends z.ZodRawShape, C>(
  network: SocialNetwork<N, S, C>,
): SocialNetwork<N, S, C> {
  return network;
}

/** What the editor's preview (a client component) needs of a network: plain data. */
export type NetworkPreview = { name: string; label: string; post: PostRules };

export const trimSlash = (u: string) => u.replace(/\/+$/, "");

/**
 * A channel whose code loads on its first use, so that a network whose library is slow to load
 * (Bluesky's takes most of a second and 40 MB) stays out of the processes that only read the
 * configuration, such as the public workers. `find` and `idempotent` must be known before then.
 */
export function lazyChannel(
  name: string,
  traits: { idempotent?: boolean; canFind?: boolean },
  load: () => Promise<Channel>,
): Channel {
  let loaded: Promise<Channel> | undefined;
  const real = () => (loaded ??= load());
  return {
    name,
    ...(traits.idempotent ? { idempotent: true } : {}),
    send: async (job) => (await real()).send(job),
    ...(traits.canFind ? { find: async (job: Job) => (await real()).find!(job) } : {}),
  };
}
