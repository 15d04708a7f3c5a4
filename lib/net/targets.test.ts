import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { postJson } from "../syndication/net";
import { addressProblem, classifyAddress, guardedLookup, hostProblem, PUBLIC_ONLY } from "./targets";

describe("[security] outgoing target policy", () => {
  it("classifies loopback, private and metadata addresses in every encoding", () => {
    const cases: [string, string][] = [
      ["127.0.0.1", "private"],
      ["10.1.2.3", "private"],
      ["172.31.255.1", "private"],
      ["192.168.0.1", "private"],
      ["100.64.0.1", "private"],
      ["0.0.0.0", "private"],
      ["::", "private"],
      ["::1", "private"],
      ["0:0:0:0:0:0:0:1", "private"],
      ["::127.0.0.1", "private"],
      ["::ffff:127.0.0.1", "private"],
      ["::ffff:7f00:1", "private"],
      ["::FFFF:10.0.0.1", "private"],
      ["64:ff9b::7f00:1", "private"],
      ["2002:7f00:1::1", "private"],
      ["fd12:3456::1", "private"],
      ["[::1]", "private"],
      ["169.254.169.254", "metadata"],
      ["::ffff:169.254.169.254", "metadata"],
      ["::ffff:a9fe:a9fe", "metadata"],
      ["fd00:ec2::254", "metadata"],
      ["fe80::1%eth0", "metadata"],
      ["8.8.8.8", "public"],
      ["::ffff:1.1.1.1", "public"],
      ["64:ff9b::808:808", "public"],
      ["2606:4700::1111", "public"],
      ["not-an-ip", "private"],
    ];
    for (const [address, kind] of cases) expect(classifyAddress(address), address).toBe(kind);
  });

  it("needs the metadata opt-in by name, even when private addresses are allowed", () => {
    expect(addressProblem("169.254.169.254", { allowPrivate: true, allowMetadata: false })).toMatch(
      /OUTPOST_ALLOW_METADATA_TARGETS/,
    );
    expect(addressProblem("169.254.169.254", { allowPrivate: true, allowMetadata: true })).toBeNull();
    expect(addressProblem("10.0.0.1", { allowPrivate: true, allowMetadata: false })).toBeNull();
    expect(addressProblem("10.0.0.1", PUBLIC_ONLY)).toMatch(/loopback or private/);
    expect(hostProblem("[::ffff:7f00:1]", PUBLIC_ONLY)).toMatch(/loopback or private/);
    expect(hostProblem("localhost.", PUBLIC_ONLY)).toMatch(/loopback or private/);
    expect(hostProblem("status.example.com", PUBLIC_ONLY)).toBeNull();
  });

  it("judges a name by what it resolves to, inside the socket's lookup", async () => {
    const err = await new Promise<Error | null>((resolve) =>
      guardedLookup(PUBLIC_ONLY)("localhost", { all: false }, (e) => resolve(e)),
    );
    expect(err).toMatchObject({
      code: "EPRIVATE",
      message: "Refused to connect: localhost resolves to 127.0.0.1, a loopback or private address",
    });
    const ok = await new Promise<string>((resolve) =>
      guardedLookup({ allowPrivate: true, allowMetadata: false })("localhost", { all: false }, (_e, a) =>
        resolve(a as string),
      ),
    );
    expect(ok).toBe("127.0.0.1");
  });

  it("refuses a webhook to a loopback name and sends nothing", async () => {
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const port = (server.address() as AddressInfo).port;
      await expect(
        postJson(`http://localhost:${port}/hook`, "{}", {}, { allowPrivate: false, what: "Hook" }),
      ).rejects.toMatchObject({ message: /Hook: This address is private or local/ });
      await expect(
        postJson(`http://[::ffff:7f00:1]:${port}/hook`, "{}", {}, { allowPrivate: false, what: "Hook" }),
      ).rejects.toMatchObject({ message: /private or local/ });
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  });
});
