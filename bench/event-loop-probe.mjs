// Preloaded into the server by scripts/bench-monitors.mjs (node --import): samples the event
// loop's delay and writes its percentiles to $OUTPOST_BENCH_ELD_FILE every second. Not used in
// production.
import fs from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.OUTPOST_BENCH_ELD_FILE;
if (file) {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const write = () => {
    const ms = (ns) => Math.round((ns / 1e6) * 100) / 100;
    fs.writeFileSync(
      file,
      JSON.stringify({ p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), count: h.count }),
    );
  };
  setInterval(write, 1000).unref();
  process.on("SIGUSR2", () => h.reset());
}
