// The channels of this process, from the configuration. A network without credentials is off.
import { config } from "../config";
import type { Channel } from "./channel";
import { chatChannel } from "./chat";
import { emailChannel } from "./email";
import { SOCIAL_NETWORKS } from "./networks";
import { webhookChannel } from "./webhook";

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
  for (const n of SOCIAL_NETWORKS) {
    const settings = c[n.name];
    // The settings under a network's name are the ones its own descriptor made (lib/config.ts).
    if (settings) channels[n.name] = n.channel(settings as never);
  }
  return channels;
}
