import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, envSchema, parseConfig } from "./config";

describe("parseConfig", () => {
  it("has the documented defaults", () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      host: "0.0.0.0",
      port: 3000,
      publicUrl: "http://localhost:3000",
      pageName: "Outpost Demo",
      timeZone: "Etc/UTC",
      demo: true,
    });
    expect(c.databasePath).toMatch(/data\/outpost\.db$/);
    expect(Object.isFrozen(c)).toBe(true);
  });
  it("starts one public worker per core by default, none when asked, and knows which process it is", () => {
    const c = parseConfig({});
    expect(c.workers).toBeGreaterThanOrEqual(1);
    expect(c.role).toBe("main");
    expect(c.writerSocket).toBeNull();
    expect(parseConfig({ OUTPOST_WORKERS: "0" }).workers).toBe(0);
    expect(parseConfig({ OUTPOST_PROCESS_ROLE: "worker", OUTPOST_WRITER_SOCKET: "/run/w.sock" })).toMatchObject({
      role: "worker",
      writerSocket: "/run/w.sock",
    });
    expect(() => parseConfig({ OUTPOST_PROCESS_ROLE: "writer" })).toThrow(/^OUTPOST_WRITER_SOCKET /);
  });
  it("treats empty strings as unset and trims a trailing slash from PUBLIC_URL", () => {
    expect(parseConfig({ PORT: "", PUBLIC_URL: "https://status.example.com/" }).publicUrl).toBe(
      "https://status.example.com",
    );
  });
  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["OUTPOST_TIME_ZONE", "Mars/Olympus"],
    ["PUBLIC_URL", "status.example.com"],
    ["OUTPOST_DEMO", "yes please"],
    ["AUTH_SECRET", "short"],
    ["OUTPOST_ADMIN_EMAIL", "admin"],
    ["OUTPOST_API_TOKEN", "short"],
    ["TRUST_PROXY", "yes"],
    ["OIDC_ISSUER", "not a url"],
    ["OUTPOST_MONITORS", "maybe"],
    ["OUTPOST_CHECK_RETENTION_DAYS", "0"],
    ["OUTPOST_ALERT_WEBHOOK_URL", "ftp://hooks.example.com"],
    ["OUTPOST_ALERT_WEBHOOK_FORMAT", "irc"],
    ["X_API_URL", "api.x.com"],
    ["MASTODON_URL", "mastodon"],
    ["BLUESKY_SERVICE", "bsky"],
    ["OUTPOST_ALLOW_PRIVATE_TARGETS", "maybe"],
    ["OUTPOST_WORKERS", "-1"],
    ["OUTPOST_WORKERS", "two"],
    ["OUTPOST_WORKERS", "1.5"],
    ["OUTPOST_PROCESS_ROLE", "primary"],
  ])("names %s in one line when it is %s", (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`^${name} `));
  });
  it("needs the whole OpenID Connect trio, and an admin email with an admin password", () => {
    expect(() => parseConfig({ OIDC_ISSUER: "https://id.example.com" })).toThrow(
      /^OIDC_CLIENT_ID must be set too when OIDC_ISSUER is set/,
    );
    expect(() => parseConfig({ OUTPOST_ADMIN_PASSWORD: "a long enough password" })).toThrow(
      /^OUTPOST_ADMIN_EMAIL must be set too/,
    );
    const c = parseConfig({
      OIDC_ISSUER: "https://id.example.com/",
      OIDC_CLIENT_ID: "id",
      OIDC_CLIENT_SECRET: "s",
      OUTPOST_ADMIN_EMAIL: "Boss@Example.com",
    });
    expect(c.oidc).toEqual({
      issuer: "https://id.example.com",
      clientId: "id",
      clientSecret: "s",
      name: "single sign-on",
    });
    expect(c.admin.email).toBe("boss@example.com");
  });
  it("reads the mirror: a folder, a public URL and the whole S3 set, refusing private endpoints unless allowed", () => {
    expect(parseConfig({}).mirror).toEqual({ dir: null, publicUrl: null, s3: null });
    const s3 = {
      MIRROR_S3_ENDPOINT: "https://s3.example.com/",
      MIRROR_S3_BUCKET: "status-mirror",
      MIRROR_S3_ACCESS_KEY_ID: "id",
      MIRROR_S3_SECRET_ACCESS_KEY: "secret",
    };
    const c = parseConfig({ ...s3, MIRROR_DIR: "/tmp/m", MIRROR_PUBLIC_URL: "https://mirror.example.com/" });
    expect(c.mirror).toEqual({
      dir: "/tmp/m",
      publicUrl: "https://mirror.example.com",
      s3: {
        endpoint: "https://s3.example.com",
        bucket: "status-mirror",
        region: "us-east-1",
        accessKeyId: "id",
        secretAccessKey: "secret",
      },
    });
    expect(() => parseConfig({ MIRROR_S3_BUCKET: "b-1" })).toThrow(
      /^MIRROR_S3_ENDPOINT must be set too when MIRROR_S3_BUCKET is set/,
    );
    expect(() => parseConfig({ ...s3, MIRROR_S3_BUCKET: "No_Such" })).toThrow(/^MIRROR_S3_BUCKET /);
    expect(() => parseConfig({ MIRROR_PUBLIC_URL: "mirror" })).toThrow(/^MIRROR_PUBLIC_URL /);
    const local = { ...s3, MIRROR_S3_ENDPOINT: "http://127.0.0.1:4568" };
    expect(() => parseConfig(local)).toThrow(/^MIRROR_S3_ENDPOINT points at a loopback/);
    expect(parseConfig({ ...local, OUTPOST_ALLOW_PRIVATE_TARGETS: "1" }).mirror.s3?.endpoint).toBe(
      "http://127.0.0.1:4568",
    );
    // Other spellings of loopback, and metadata addresses unless opted into by name.
    expect(() => parseConfig({ ...s3, MIRROR_S3_ENDPOINT: "http://[::ffff:127.0.0.1]:4568" })).toThrow(
      /^MIRROR_S3_ENDPOINT points at a loopback/,
    );
    const metadata = { ...s3, MIRROR_S3_ENDPOINT: "http://169.254.169.254", OUTPOST_ALLOW_PRIVATE_TARGETS: "1" };
    expect(() => parseConfig(metadata)).toThrow(/OUTPOST_ALLOW_METADATA_TARGETS=1/);
    expect(parseConfig({ ...metadata, OUTPOST_ALLOW_METADATA_TARGETS: "1" }).allowMetadataTargets).toBe(true);
  });

  it("reads EDGE_DIR, refusing what nginx's configuration would misread", () => {
    expect(parseConfig({}).edgeDir).toBeNull();
    expect(parseConfig({ EDGE_DIR: "/var/lib/outpost-edge/" }).edgeDir).toBe("/var/lib/outpost-edge");
    for (const bad of ["/srv/$edge", '/srv/"edge', "/srv/edge\nx", "/srv/a\\b"])
      expect(() => parseConfig({ EDGE_DIR: bad }), bad).toThrow(/^EDGE_DIR /);
  });

  it("is documented in .env.example: every variable a person sets, and nothing else", () => {
    const example = fs.readFileSync(path.join(import.meta.dirname, "../.env.example"), "utf8");
    expect(example).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    const internal = ["OUTPOST_PROCESS_ROLE", "OUTPOST_WRITER_SOCKET"];
    // Read by the test runner's browser launcher, not by the server.
    const tools = ["CHROMIUM_PATH"];
    // Read by Litestream itself, from the environment the server passes on.
    tools.push("LITESTREAM_ACCESS_KEY_ID", "LITESTREAM_SECRET_ACCESS_KEY");
    const read = [...Object.keys(envSchema.shape).filter((k) => !internal.includes(k)), ...tools];
    expect(new Set(documented)).toEqual(new Set(read));
  });

  it("reads the monitor settings", () => {
    expect(parseConfig({}).monitors).toEqual({
      enabled: true,
      retentionDays: 14,
      probePollSeconds: 30,
      locationLabel: null,
      alertWebhook: null,
    });
    const c = parseConfig({
      OUTPOST_MONITORS: "0",
      OUTPOST_CHECK_RETENTION_DAYS: "30",
      OUTPOST_PROBE_POLL_SECONDS: "2",
      OUTPOST_LOCATION_LABEL: "Amsterdam",
      OUTPOST_ALERT_WEBHOOK_URL: "https://hooks.example.com/x",
      OUTPOST_ALERT_WEBHOOK_FORMAT: "slack",
    });
    expect(c.monitors).toEqual({
      enabled: false,
      retentionDays: 30,
      probePollSeconds: 2,
      locationLabel: "Amsterdam",
      alertWebhook: { url: "https://hooks.example.com/x", format: "slack" },
    });
  });

  it("turns a network on only with all its credentials, off (not an error) with none", () => {
    const off = parseConfig({});
    expect([off.x, off.mastodon, off.bluesky, off.allowPrivateTargets]).toEqual([null, null, null, false]);
    expect(() => parseConfig({ X_APP_KEY: "k" })).toThrow(/^X_APP_SECRET must be set too when X_APP_KEY is set/);
    expect(() => parseConfig({ MASTODON_TOKEN: "t" })).toThrow(/^MASTODON_URL must be set too/);
    expect(() => parseConfig({ BLUESKY_IDENTIFIER: "me.bsky.social" })).toThrow(
      /^BLUESKY_APP_PASSWORD must be set too/,
    );
    const on = parseConfig({
      X_APP_KEY: "k",
      X_APP_SECRET: "s",
      X_ACCESS_TOKEN: "t",
      X_ACCESS_SECRET: "a",
      MASTODON_URL: "https://m.example/",
      MASTODON_TOKEN: "mt",
      BLUESKY_IDENTIFIER: "me.example",
      BLUESKY_APP_PASSWORD: "pw",
      OUTPOST_ALLOW_PRIVATE_TARGETS: "1",
    });
    expect(on.x).toEqual({
      appKey: "k",
      appSecret: "s",
      accessToken: "t",
      accessSecret: "a",
      apiUrl: "https://api.x.com",
    });
    expect(on.mastodon).toEqual({ url: "https://m.example", token: "mt" });
    expect(on.bluesky).toEqual({ service: "https://bsky.social", identifier: "me.example", password: "pw" });
    expect(on.allowPrivateTargets).toBe(true);
  });
});
