import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { isPrivateAddress, postJson, targetUrlProblem } from "./net";

describe("webhook targets", () => {
  it("knows private, loopback and special addresses", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::",
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:1.1.1.1"])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it("explains what is wrong with a URL", () => {
    expect(targetUrlProblem("not a url", false)).toMatch(/full URL/);
    expect(targetUrlProblem("ftp://example.com/x", false)).toMatch(/Only http/);
    expect(targetUrlProblem("https://user:pw@example.com/x", false)).toMatch(/passwords/);
    expect(targetUrlProblem("http://localhost:8080/x", false)).toMatch(/private or local/);
    expect(targetUrlProblem("http://[::1]/x", false)).toMatch(/private or local/);
    expect(targetUrlProblem("http://10.0.0.5/x", false)).toMatch(/private or local/);
    expect(targetUrlProblem("http://10.0.0.5/x", true)).toBeNull();
    expect(targetUrlProblem("https://hooks.example.com/x", false)).toBeNull();
  });

  it("does not follow redirects, and refuses a private target at connect time", async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" });
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    await expect(postJson(url, "{}", {}, { allowPrivate: true, what: "Hook" })).rejects.toMatchObject({
      message: /302: redirects are not followed/,
      opts: { permanent: true },
    });
    await expect(postJson(url, "{}", {}, { allowPrivate: false, what: "Hook" })).rejects.toMatchObject({
      message: /private or local/,
    });
    server.close();
  });
});
