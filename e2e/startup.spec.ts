import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { must } from "../lib/testing";
import { signIn } from "./support/auth";
import { ROOT, startExpectingFailure, startServer, tempDir } from "./support/server";

// Tests run as root, where file modes do not stop writes; these paths fail for every user.
test("[startup] a bad DATABASE_PATH stops start-up with one line naming the path and the cause", async () => {
  const dir = tempDir();
  const corrupt = path.join(dir, "corrupt.db");
  fs.writeFileSync(
    corrupt,
    "this is not an SQLite database, just text that is long enough to be read as a header".repeat(20),
  );
  const directory = path.join(dir, "a-directory.db");
  fs.mkdirSync(directory);
  const regular = path.join(dir, "plain-file");
  fs.writeFileSync(regular, "x");
  const underFile = path.join(regular, "outpost.db");

  for (const [file, cause] of [
    [corrupt, /not a database/],
    [directory, /directory/],
    [underFile, /not a folder|ENOTDIR|EEXIST/],
  ] as const) {
    const { code, output } = await startExpectingFailure({ DATABASE_PATH: file });
    expect(code, output).toBe(1);
    const lines = output.trim().split("\n");
    expect(lines, output).toHaveLength(1);
    expect(lines[0]).toContain(`DATABASE_PATH=${file}`);
    expect(lines[0]).toMatch(cause);
  }
});

test("[startup] a misconfigured variable stops start-up with one line naming it", async () => {
  for (const [name, value] of [
    ["PORT", "eighty"],
    ["OUTPOST_TIME_ZONE", "Mars/Olympus"],
    ["PUBLIC_URL", "not a url"],
    ["OUTPOST_DEMO", "maybe"],
  ] as const) {
    const { code, output } = await startExpectingFailure({
      [name]: value,
      DATABASE_PATH: path.join(tempDir(), "x.db"),
    });
    expect(code).toBe(1);
    expect(output.trim().split("\n")).toHaveLength(1);
    expect(output).toContain(name);
  }
});

test("[startup] OUTPOST_DEMO=0 starts an empty page that says all is well", async ({ request }) => {
  const server = await startServer({
    OUTPOST_DEMO: "0",
    OUTPOST_PAGE_NAME: "Empty Co",
    OUTPOST_TIME_ZONE: "Europe/Berlin",
  });
  try {
    const body = await (await request.get(`${server.url}/api/v2/summary.json`)).json();
    expect(body.page).toMatchObject({ name: "Empty Co", time_zone: "Europe/Berlin" });
    expect(body.components).toEqual([]);
    expect(body.status).toEqual({ indicator: "none", description: "All Systems Operational" });
    expect(fs.statSync(path.join(path.dirname(server.databasePath), "auth-secret")).mode & 0o777).toBe(0o600);
  } finally {
    await server.stop();
  }
});

test("[startup] an empty database gets a first admin whose generated password is printed once; reset-password replaces it", async ({
  request,
}) => {
  const server = await startServer({ OUTPOST_DEMO: "0", OUTPOST_ADMIN_EMAIL: "", OUTPOST_ADMIN_PASSWORD: "" });
  try {
    const printed = /sign in at \S+\/admin as (\S+) with password (\S+)/.exec(server.output());
    expect(printed, server.output()).not.toBeNull();
    const email = must(printed?.[1], "the printed address");
    const password = must(printed?.[2], "the printed password");
    await signIn(request, server.url, { email, password });

    const reset = spawnSync(
      process.execPath,
      [path.join(ROOT, "scripts/tool.mjs"), "reset-password", "--", email.toUpperCase()],
      {
        encoding: "utf8",
        env: { ...process.env, DATABASE_PATH: server.databasePath },
      },
    );
    expect(reset.status, reset.stderr).toBe(0);
    const fresh = must(/new password for \S+: (\S+)/.exec(reset.stdout)?.[1], "the new password");
    await expect(signIn(request, server.url, { email, password })).rejects.toThrow(/invalid/);
    await signIn(request, server.url, { email, password: fresh });

    const unknown = spawnSync(
      process.execPath,
      [path.join(ROOT, "scripts/tool.mjs"), "reset-password", "--", "nobody@example.com"],
      {
        encoding: "utf8",
        env: { ...process.env, DATABASE_PATH: server.databasePath },
      },
    );
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim()).toBe("outpost: No account has the email nobody@example.com");
  } finally {
    await server.stop();
  }
  const restarted = await startServer({ DATABASE_PATH: server.databasePath, OUTPOST_DEMO: "0" });
  expect(restarted.output()).not.toContain("first admin");
  await restarted.stop();
});
