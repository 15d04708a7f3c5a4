// Run by scripts/bench.mjs beside the server: every 250 ms, the sum over the server's processes
// of their resident memory (RSS) and their proportional share of it (PSS: pages shared between
// processes, such as Node's own code, counted once). Writes the peaks to FILE each second, so
// the bench reads them while its own loop is busy waiting on wrk. SIGUSR2 starts a new phase
// (the peaks start again from nothing).
import fs from "node:fs";
import { processTree } from "../scripts/bench-common.mjs";

const [pid, file] = [Number(process.argv[2]), process.argv[3]];
let peak = { rss_mb: 0, pss_mb: 0, processes: 0 };
process.on("SIGUSR2", () => (peak = { rss_mb: 0, pss_mb: 0, processes: 0 }));
const kb = (text, field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? 0);

setInterval(() => {
  let rss = 0;
  let pss = 0;
  const tree = processTree(pid);
  for (const p of tree) {
    try {
      const rollup = fs.readFileSync(`/proc/${p}/smaps_rollup`, "utf8");
      rss += kb(rollup, "Rss");
      pss += kb(rollup, "Pss");
    } catch {
      /* gone meanwhile */
    }
  }
  if (pss / 1024 > peak.pss_mb) Object.assign(peak, { pss_mb: Math.round(pss / 1024), processes: tree.length });
  peak.rss_mb = Math.max(peak.rss_mb, Math.round(rss / 1024));
}, 250);
setInterval(() => fs.writeFileSync(file, JSON.stringify(peak)), 1000);
