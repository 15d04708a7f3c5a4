// The channels of this process, from the configuration. A network without credentials is off.
import { config } from "../config";
import { blueskyChannel } from "./bluesky";
import type { Channel } from "./channel";
import { chatChannel } from "./chat";
import { emailChannel } from "./email";
import { mastodonChannel } from "./mastodon";
import { webhookChannel } from "./webhook";
import { xChannel } from "./x";

export function configuredChannels(): Partial<Record<string, Channel>> {
  const c = config();
  const targets = { allowPrivate: c.allowPrivateTargets, allowMetadata: c.allowMetadataTargets };
  const channels: Partial<Record<string, Channel>> = {
    webhook: webhookChannel(targets),
    slack: chatChannel("slack", targets),
    discord: chatChannel("discord", targets),
    teams: chatChannel("teams", targets),
  };
  if (c.mail) channels.email = emailChannel();
  if (c.x) channels.x = xChannel(c.x);
  if (c.mastodon) channels.mastodon = mastodonChannel(c.mastodon);
  if (c.bluesky) channels.bluesky = blueskyChannel(c.bluesky);
  return channels;
}
