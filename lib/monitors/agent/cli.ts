// The probe agent's entry (bundled into dist/probe.mjs): SIGINT and SIGTERM stop it, the buffer
// is flushed to disk, and it exits 0.
import { run } from "./main";

const stop = new AbortController();
process.once("SIGINT", () => stop.abort());
process.once("SIGTERM", () => stop.abort());
// A bug in one check or call must not take the location down: say it and carry on.
process.on("unhandledRejection", (err) => {
  console.error(`outpost probe: unexpected error: ${(err as Error)?.stack?.split("\n").slice(0, 3).join(" ") ?? err}`);
});
process.exit(await run(process.argv.slice(2), process.env, stop.signal));
