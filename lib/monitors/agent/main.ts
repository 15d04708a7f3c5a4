// The probe agent: checks the monitors the server assigns to this location and posts the results.
//   assignments (every poll_seconds) → runner (the server's own probes) → buffer (disk) → sender
// It never imports the database, React or lib/config.ts: an agent host runs only this (bundled
// into dist/probe.mjs by scripts/probe.mjs). While the server cannot be reached it keeps checking
// what it was last assigned (saved in the data dir) and the results wait on disk.
import { version as VERSION } from "../../../package.json";
import { parseArgs, USAGE } from "./args";
import { ResultBuffer } from "./buffer";
import { AgentHttpError, ProbeClient } from "./client";
import { Link } from "./link";
import type { AssignmentsResponse } from "./protocol";
import { Runner } from "./runner";
import { BACKOFF_MS, AUTH_RETRY_MS, Sender, type PageRef } from "./sender";

export { VERSION };

/** "1 monitor", "12 monitors": the agent's lines are English, like the staff area's. */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Runs the agent until `stop` aborts (SIGINT/SIGTERM in cli.ts); resolves with the exit code. */
export async function run(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  stop: AbortSignal,
): Promise<number> {
  const parsed = parseArgs(argv, env);
  if (parsed.ok === "help") {
    console.log(USAGE);
    return 0;
  }
  if (!parsed.ok) {
    console.error(`outpost probe: ${parsed.error}`);
    return 2;
  }
  const o = parsed.options;
  // Belt and braces: no message the agent prints may carry the token.
  const say = (line: string) => `outpost probe ${o.name}: ${line.split(o.token).join("***")}`;
  const log = (line: string) => console.log(say(line));

  let buffer: ResultBuffer;
  try {
    buffer = await ResultBuffer.open({ dir: o.dataDir, max: o.bufferMax, log });
  } catch (err) {
    console.error(say((err as Error).message));
    return 1;
  }
  const client = new ProbeClient({ server: o.server, token: o.token, name: o.name, version: VERSION });
  const link = new Link(log);
  const page: PageRef = {
    async get() {
      if (buffer.server === o.server && buffer.pageId) return buffer.pageId;
      const id = await client.pageId();
      buffer.setPage(o.server, id);
      return id;
    },
    forget: () => buffer.setPage(o.server, undefined),
  };
  const runner = new Runner({
    concurrency: o.concurrency,
    onResult: (r) => void buffer.append(r),
    log,
    location: o.name,
  });
  const sender = new Sender({ buffer, client, page, link, version: VERSION, log });

  // What the server assigned last, so a restart while it is away still checks.
  const saved = buffer.server === o.server ? await buffer.savedAssignments() : null;
  if (saved) runner.setAssignments(saved.monitors);
  const keyOf = (a: AssignmentsResponse) => JSON.stringify([a.poll_seconds, a.monitors]);
  let savedKey = saved ? keyOf(saved) : "";
  runner.start();
  sender.start();

  let wakePoll: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => resolve(), ms);
      wakePoll = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const stopped = new Promise<number>((resolve) => {
    stop.addEventListener("abort", () => {
      wakePoll?.();
      resolve(0);
    });
    if (stop.aborted) resolve(0);
  });

  let pollMs = (saved?.poll_seconds ?? 30) * 1000;
  let failures = 0;
  let announced = false;
  /** Fetches the assignments once; returns how long to wait before the next fetch. */
  const poll = async (): Promise<number> => {
    try {
      const answer: AssignmentsResponse = await client.assignments(await page.get());
      link.up();
      failures = 0;
      pollMs = answer.poll_seconds * 1000;
      const skipped = runner.setAssignments(answer.monitors);
      const key = keyOf(answer);
      if (key !== savedKey) {
        savedKey = key;
        await buffer.saveAssignments(answer);
      }
      if (!announced) {
        announced = true;
        const skip = skipped.length ? ` (${skipped.length} more it cannot check)` : "";
        log(`${count(runner.size, "monitor")} from ${o.server}${skip}; results wait in ${o.dataDir}`);
      }
      return pollMs;
    } catch (err) {
      const e = err instanceof AgentHttpError ? err : null;
      if (e?.kind === "not_found") page.forget();
      if (!announced) {
        announced = true;
        log(
          saved
            ? `${count(runner.size, "monitor")} as last assigned by ${o.server} (not answering yet); results wait in ${o.dataDir}`
            : `no monitors yet: waiting for ${o.server}`,
        );
      }
      link.down(err);
      failures++;
      if (e?.kind === "auth" || e?.kind === "redirect") return AUTH_RETRY_MS;
      return Math.min(BACKOFF_MS[Math.min(failures, BACKOFF_MS.length) - 1]!, pollMs);
    }
  };

  while (!stop.aborted) {
    // A stop does not wait for an answer under way (up to the client's 10 s).
    const wait = await Promise.race([poll(), stopped]);
    if (!stop.aborted) await pause(wait);
  }

  runner.stop();
  sender.stop();
  await buffer.close();
  log(`stopped; ${count(buffer.waiting, "result waits", "results wait")} in ${o.dataDir}`);
  return 0;
}
