// A secret shared with the tool, sent in the Authorization header: for the kinds that do not sign
// their deliveries (Alertmanager, Grafana, Opsgenie, anything else). Each of them can send one:
// Alertmanager's `http_config.authorization` (Bearer) or `basic_auth`, Grafana's contact point
// "Authentication Header Credentials" or its Basic authentication, Opsgenie's custom headers.
// With it, knowing the address is no longer enough; Grafana, for one, keeps webhook URLs in plain
// text where anyone who can read its contact points sees them.
import { createHash, timingSafeEqual } from "node:crypto";
import type { AlertSigning } from "../kind";

/** Compared as digests, so neither the secret's length nor its bytes leak through timing. */
const same = (a: string, b: string): boolean =>
  timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());

/** The credential an Authorization value carries: a Bearer token, or a Basic password (any user name). */
export function presentedSecret(authorization: string | null): string | null {
  const match = /^\s*(bearer|basic)\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return null;
  if (match[1]!.toLowerCase() === "bearer") return match[2]!;
  const decoded = Buffer.from(match[2]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : decoded.slice(colon + 1);
}

export const sharedSecret: AlertSigning = {
  header: "authorization",
  refusal:
    "The Authorization header does not carry this source's secret (send Authorization: Bearer <secret>, or the secret as the Basic authentication password)",
  verify(_rawBody, authorization, secret) {
    const presented = presentedSecret(authorization);
    return presented !== null && secret !== "" && same(presented, secret);
  },
};
