// Backups that are proven: one is taken at start and verified, `npm run backup` adds one while
// the server runs, /infrastructure and /api/health say so, and `npm run restore` puts one back
// (refusing without --yes and refusing a corrupt file).
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../db/client";
import { SYSTEM_ACTOR } from "../lib/audit";
import { createIncident } from "../lib/incidents";
import { expect, expectNoSeriousAxeViolations, test } from "./fixtures";
import { runTool, startServer, tempDir } from "./support/server";

const tool = runTool;

type Health = { backup: { last_at: string | null; last_restore_test_at: string | null; kept: number } };

test("[backups] verified at start and on demand, shown publicly, and restored only with --yes from a sound file", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = tempDir();
  const env = { DATABASE_PATH: path.join(dir, "outpost.db"), BACKUP_DIR: path.join(dir, "backups"), OUTPOST_DEMO: "1" };
  let server = await startServer(env);
  try {
    await expect
      .poll(async () => ((await (await fetch(`${server.url}/api/health`)).json()) as Health).backup.kept, {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as Health;
    expect(health.backup.last_restore_test_at).not.toBeNull();

    await page.goto(`${server.url}/infrastructure`);
    await expect(page.getByRole("heading", { name: "Backups" })).toBeVisible();
    await expect(page.getByText(/integrity check passed, [\d,]+ rows matched/)).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // An on-demand backup while the server runs.
    const backup = tool(["backup"], env);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toContain("verified: integrity_check ok");
    const manifest = JSON.parse(fs.readFileSync(path.join(env.BACKUP_DIR, "manifest.json"), "utf8")) as {
      backups: { file: string }[];
    };
    const file = path.join(env.BACKUP_DIR, manifest.backups.at(-1)!.file);

    // A change after the backup, which the restore must take away.
    const db = openDatabase(env.DATABASE_PATH);
    createIncident(db, SYSTEM_ACTOR, { name: "Written after the backup", status: "investigating", body: "x" });
    db.$client.close();
    await server.stop();

    const refused = tool(["restore", file], env);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain("--yes");
    const corrupt = path.join(dir, "corrupt.db");
    fs.writeFileSync(corrupt, Buffer.concat([fs.readFileSync(file).subarray(0, 4096), Buffer.alloc(8192, 0x41)]));
    const bad = tool(["restore", corrupt, "--yes"], env);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("Nothing was changed");

    const restored = tool(["restore", file, "--yes"], env);
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toMatch(/previous database is kept as .*before-restore/);
    expect(fs.readdirSync(dir).some((f) => f.startsWith("outpost.db.before-restore-"))).toBe(true);

    server = await startServer(env);
    const summary = (await (await fetch(`${server.url}/api/v2/incidents.json`)).json()) as {
      incidents: { name: string }[];
    };
    expect(summary.incidents.some((i) => i.name === "Written after the backup")).toBe(false);
    expect(summary.incidents.length).toBeGreaterThan(0);
  } finally {
    await server.stop();
  }
});
