// The bundled agent as an agent host runs it (node dist/probe.mjs, nothing else beside it)
// against a stand-in server and a local target: results flow, survive the server going away and
// the agent being killed, and arrive oldest first with seqs that neither skip nor repeat.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleProbe } from "../../../scripts/probe.mjs";
import type { Result } from "./protocol";
import { TOKEN, assignmentFor, startStandIn, startTarget, until, type StandIn } from "./test-support";

let tmp: string;
let bundle: { outfile: string; inputs: string[] };
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-probe-process-"));
  // Outside the repository: the bundle must run with no node_modules near it.
  bundle = await bundleProbe(path.join(tmp, "bin", "probe.mjs"));
}, 30_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type Agent = { child: ChildProcess; out: string[]; exited: Promise<number | null> };

function startAgent(server: string, dataDir: string): Agent {
  const child = spawn(
    process.execPath,
    [bundle.outfile, "--server", server, "--name", "eu-west", "--data-dir", dataDir],
    {
      cwd: tmp,
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", OUTPOST_PROBE_TOKEN: TOKEN },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const out: string[] = [];
  const collect = (chunk: Buffer) => out.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, out, exited };
}

/** The results the agent has on disk, from its segment files. */
function onDisk(dataDir: string): Result[] {
  if (!fs.existsSync(dataDir)) return [];
  return fs
    .readdirSync(dataDir)
    .filter((f) => f.startsWith("seg-"))
    .flatMap((f) => {
      try {
        return fs.readFileSync(path.join(dataDir, f), "utf8").split("\n");
      } catch {
        return []; // deleted since: acknowledged
      }
    })
    .filter((l) => l.endsWith("}"))
    .map((l) => JSON.parse(l) as Result);
}

function expectGapless(s: StandIn) {
  const seqs = s.accepted.map((r) => r.seq);
  // Oldest first across every post, no seq skipped, none counted twice.
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  expect(s.duplicates).toBe(0);
  expect(new Set(s.posts.map((p) => p.boot)).size).toBe(1);
}

describe("probe agent process", () => {
  it("bundles without the database, React or the server's configuration", () => {
    const outside = bundle.inputs.filter(
      (f) =>
        f.startsWith("db/") ||
        f === "lib/config.ts" ||
        /react|drizzle|better-sqlite3|next/.test(f) ||
        (f.startsWith("node_modules/") && !f.startsWith("node_modules/zod/")),
    );
    expect(outside).toEqual([]);
    expect(bundle.inputs).toContain("lib/monitors/registry.ts");
  });

  it("keeps results through an outage and a kill -9, sending them oldest first without gaps", async () => {
    const target = await startTarget();
    const standIn = await startStandIn([assignmentFor("m1", target.url), assignmentFor("m2", target.url)]);
    const dataDir = path.join(tmp, "data");
    let agent = startAgent(standIn.url, dataDir);
    try {
      await until(() => standIn.accepted.length >= 4, "the first results");
      expect(agent.out[0]).toBe(`outpost probe eu-west: 2 monitors from ${standIn.url}; results wait in ${dataDir}`);
      expect(standIn.accepted.every((r) => r.ok && r.error === null)).toBe(true);

      // The server goes away for a while: the checks go on, to disk.
      const closedAt = Date.now();
      await standIn.close();
      await until(() => agent.out.some((l) => l.includes("cannot reach the server")), "the unreachable line");
      await until(() => onDisk(dataDir).filter((r) => Date.parse(r.at) > closedAt).length >= 4, "checks in the gap");
      const fromGap = onDisk(dataDir).filter((r) => Date.parse(r.at) > closedAt);
      await standIn.reopen();
      await until(() => fromGap.every((r) => standIn.accepted.some((a) => a.seq === r.seq)), "the gap's results");
      const accepted = new Map(standIn.accepted.map((r) => [r.seq, r]));
      for (const r of fromGap) expect(accepted.get(r.seq)).toEqual(r);
      await until(() => agent.out.some((l) => l.includes("the server is back")), "the back line");
      expect(agent.out.find((l) => l.includes("the server is back"))).toMatch(/sent [1-9]\d* results? that waited$/);
      expectGapless(standIn);

      // The server refuses results for a moment; once the agent's acknowledged seq is on disk
      // and newer results wait behind it, the agent is killed outright.
      standIn.mode.results = "unavailable";
      const boot = standIn.posts[0]!.boot;
      const state = () => JSON.parse(fs.readFileSync(path.join(dataDir, "state.json"), "utf8"));
      await until(() => state().ackedSeq === standIn.highest.get(boot), "the last ack on disk");
      const sentBefore = standIn.accepted.length;
      await until(() => onDisk(dataDir).filter((r) => r.seq > sentBefore).length >= 2, "results waiting on disk");
      agent.child.kill("SIGKILL");
      await agent.exited;
      const waited = onDisk(dataDir).filter((r) => r.seq > sentBefore);
      expect(state().boot).toBe(boot);

      standIn.mode.results = "ok";
      const restartedAt = Date.now();
      agent = startAgent(standIn.url, dataDir);
      await until(
        () => standIn.accepted.some((r) => Date.parse(r.at) > restartedAt && r.seq > waited.at(-1)!.seq),
        "results from after the restart",
      );
      const got = new Map(standIn.accepted.map((r) => [r.seq, r]));
      for (const r of waited) expect(got.get(r.seq)).toEqual(r);
      expectGapless(standIn);

      // A stop flushes and exits 0.
      agent.child.kill("SIGTERM");
      expect(await agent.exited).toBe(0);
      expect(agent.out.at(-1)).toMatch(/^outpost probe eu-west: stopped; \d+ results? waits? in /);
      expect(agent.out.join("\n")).not.toContain(TOKEN);
    } finally {
      agent.child.kill("SIGKILL");
      await standIn.close();
      await target.close();
    }
  });

  it("says what is wrong with its arguments in one line and exits 2", async () => {
    const agent = startAgent("ftp://nowhere", path.join(tmp, "unused"));
    expect(await agent.exited).toBe(2);
    expect(agent.out).toEqual(["outpost probe: --server: Use the server's http:// or https:// URL"]);
  });
});
