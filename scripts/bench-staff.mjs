// `npm run bench` (staff part): "Staff under stress". Runs e2e/staff-stress.spec.ts once (its own
// demo server; the scripted person of e2e/support/person.ts: 0.6 s a click, 150 words a minute,
// plus the app's own time) and reports its clicks and person-seconds for the first post, an
// update, resolve and a component to degraded, on a 1366 px desktop and a 360 px phone. Writes
// them into bench/results.json under "staff_stress". Alone: `npm run bench:staff`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const STAFF_TASKS = [
  ["first_post", "first post"],
  ["update", "update"],
  ["resolve", "resolve"],
  ["component_degraded", "component to degraded"],
];

/** Runs the spec; its figures, or `{ error }` with the end of its output. */
export function benchStaff() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "outpost-staff-stress-"));
  const file = path.join(out, "staff-stress.json");
  try {
    const run = spawnSync(
      process.execPath,
      [path.join(root, "scripts/e2e.mjs"), "e2e/staff-stress.spec.ts", "--output", path.join(out, "results")],
      {
        cwd: root,
        env: { ...process.env, STAFF_STRESS_OUT: file },
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (run.status !== 0 || !fs.existsSync(file)) {
      const output = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim().split("\n").slice(-40).join("\n");
      return { error: `e2e/staff-stress.spec.ts failed (exit ${run.status}):\n${output}` };
    }
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

export function printStaff(r) {
  console.log(
    "\nStaff under stress: clicks and person-seconds (0.6 s a click, 150 words a minute, plus the app's own time; each task from the signed-in dashboard)",
  );
  if (r.error) {
    console.log(`  not measured: ${r.error}`);
    return;
  }
  const devices = Object.entries(r.devices);
  const header = devices.map(([name, d]) => `${name} ${d.viewport.width}x${d.viewport.height}`.padEnd(34)).join("");
  console.log(`  ${"task".padEnd(24)}${header}`);
  for (const [key, label] of STAFF_TASKS) {
    const cells = devices
      .map(([, d]) => {
        const t = d.tasks[key];
        const scrolled = t.scrolled_px ? `, ${t.scrolled_px} px scrolled` : "";
        const clicks = `${String(t.clicks).padStart(2)} ${t.clicks === 1 ? "click " : "clicks"}`;
        return `${clicks} ${t.person_seconds.toFixed(1).padStart(5)} s${scrolled}`.padEnd(34);
      })
      .join("");
    console.log(`  ${label.padEnd(24)}${cells}`);
  }
  const g = r.goals;
  console.log(
    `  goals: first post <= ${g.first_post_clicks} clicks, resolve <= ${g.resolve_clicks}, component status change ${g.component_degraded_clicks}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = benchStaff();
  printStaff(r);
  if (r.error) process.exit(1);
  const file = path.join(root, "bench/results.json");
  const previous = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  fs.writeFileSync(file, JSON.stringify({ ...previous, staff_stress: r }, null, 2) + "\n");
}
