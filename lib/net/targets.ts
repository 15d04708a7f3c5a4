// Which addresses Outpost's own outgoing connections may reach (webhooks, chat webhooks, the
// mirror's S3 endpoint, monitors). Anyone who can name a URL to fetch could otherwise probe the
// server's private network, so loopback/private addresses need OUTPOST_ALLOW_PRIVATE_TARGETS (or a
// monitor's admin-only "internal target" flag) and link-local/cloud-metadata addresses need
// OUTPOST_ALLOW_METADATA_TARGETS by name. The check runs on the resolved address, inside the
// socket's own lookup, so a name that resolves (or re-resolves: DNS rebinding) to a forbidden
// address is refused before any packet goes to it. IP literals skip lookup in Node, so they are
// checked separately (connectProblem).
import dns from "node:dns";
import net from "node:net";

export type TargetPolicy = Readonly<{ allowPrivate: boolean; allowMetadata: boolean }>;
export type AddressClass = "public" | "private" | "metadata";

/** The strictest policy: public addresses only. */
export const PUBLIC_ONLY: TargetPolicy = Object.freeze({ allowPrivate: false, allowMetadata: false });

const metadata = new net.BlockList();
metadata.addSubnet("169.254.0.0", 16, "ipv4");
metadata.addSubnet("fe80::", 10, "ipv6");
metadata.addAddress("fd00:ec2::254", "ipv6");

const special = new net.BlockList();
for (const [addr, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  special.addSubnet(addr, prefix, "ipv4");
}
for (const [addr, prefix] of [
  ["::", 96], // unspecified, loopback and the deprecated IPv4-compatible form
  ["100::", 64],
  ["2001::", 32], // Teredo: the real peer is hidden in the address
  ["2001:db8::", 32],
  ["64:ff9b:1::", 48],
  ["fc00::", 7],
  ["ff00::", 8],
] as const) {
  special.addSubnet(addr, prefix, "ipv6");
}

/** The eight 16-bit words of an IPv6 address (zone id dropped, a trailing dotted quad folded in). */
function v6Words(address: string): number[] {
  let s = address.toLowerCase().replace(/%.*$/, "");
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (dotted) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted.slice(1).map(Number);
    s = `${s.slice(0, -dotted[0].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = s.includes("::") ? s.split("::") : [s, null];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const fill = tail === null ? [] : Array<string>(8 - h.length - t.length).fill("0");
  return [...h, ...fill, ...t].map((w) => parseInt(w, 16));
}

const v4Of = ([hi = 0, lo = 0]: number[]) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/** The IPv4 address an IPv6 address stands for (mapped, NAT64, 6to4), so no encoding slips through. */
function embeddedV4(w: number[]): string | null {
  if (w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff) return v4Of(w.slice(6));
  if (w[0] === 0x64 && w[1] === 0xff9b && w.slice(2, 6).every((x) => x === 0)) return v4Of(w.slice(6));
  if (w[0] === 0x2002) return v4Of(w.slice(1, 3));
  return null;
}

/** public, private (loopback, RFC 1918, unique local, reserved…) or metadata (link-local, cloud metadata). Not an IP: private. */
export function classifyAddress(address: string): AddressClass {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = net.isIP(bare.replace(/%.*$/, ""));
  if (family === 4)
    return metadata.check(bare, "ipv4") ? "metadata" : special.check(bare, "ipv4") ? "private" : "public";
  if (family !== 6) return "private";
  const words = v6Words(bare);
  const v4 = embeddedV4(words);
  if (v4) return classifyAddress(v4);
  const canonical = words.map((x) => x.toString(16)).join(":");
  if (metadata.check(canonical, "ipv6")) return "metadata";
  return special.check(canonical, "ipv6") ? "private" : "public";
}

/** True for anything but a public address (link-local and metadata included). */
export function isPrivateAddress(address: string): boolean {
  return classifyAddress(address) !== "public";
}

/** Why the policy refuses this address, or null when it may be reached. */
export function addressProblem(address: string, policy: TargetPolicy): string | null {
  const kind = classifyAddress(address);
  if (kind === "metadata" && !policy.allowMetadata)
    return "a link-local or cloud metadata address (allowed only with OUTPOST_ALLOW_METADATA_TARGETS=1)";
  if (kind !== "public" && !policy.allowPrivate) return "a loopback or private address";
  return null;
}

/** A host name that is always local, whatever DNS says. */
const isLocalName = (host: string) => /^localhost\.?$/i.test(host) || /\.localhost\.?$/i.test(host);

/** For a host as typed: refuses IP literals and local names the policy forbids (names are checked again at connect time). */
export function hostProblem(host: string, policy: TargetPolicy): string | null {
  const bare = host.replace(/^\[|\]$/g, "");
  if (net.isIP(bare.replace(/%.*$/, ""))) {
    const why = addressProblem(bare, policy);
    return why ? `${bare} is ${why}` : null;
  }
  return isLocalName(bare) && !policy.allowPrivate ? `${bare} is a loopback or private address` : null;
}

export class TargetRefused extends Error {
  readonly code = "EPRIVATE";
}

/**
 * Use before connecting: Node connects to IP literals without calling `lookup`. Names (localhost
 * included) are left to guardedLookup, which judges what they resolve to.
 */
export function connectProblem(host: string, policy: TargetPolicy): TargetRefused | null {
  const bare = host.replace(/^\[|\]$/g, "");
  if (!net.isIP(bare.replace(/%.*$/, ""))) return null;
  const why = hostProblem(bare, policy);
  return why ? new TargetRefused(`Refused to connect: ${why}`) : null;
}

/** A `lookup` for sockets and agents that refuses a name resolving to an address the policy forbids. */
export function guardedLookup(policy: TargetPolicy): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 4);
      const list = addresses as unknown as dns.LookupAddress[];
      for (const a of list) {
        const why = addressProblem(a.address, policy);
        if (why)
          return callback(new TargetRefused(`Refused to connect: ${hostname} resolves to ${a.address}, ${why}`), "", 4);
      }
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const [first] = list;
      if (!first) return callback(new Error(`${hostname} resolves to no address`), "", 4);
      callback(null, first.address, first.family);
    });
  };
}
