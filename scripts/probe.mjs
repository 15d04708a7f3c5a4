// `npm run probe -- --server URL --token TOKEN --name NAME`: the probe agent. Bundles
// lib/monitors/agent/ (with zod, so the bundle runs alone with node) into dist/probe.mjs when any
// of its sources is newer, then runs it. It does not need the full build: an agent host only runs
// the agent, and once dist/probe.mjs is there it does not need esbuild either.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ENTRY = "lib/monitors/agent/cli.ts";

/** The bundle is stale when it, or the list of what it was built from, is missing or older than any input. */
function isFresh(outfile) {
  const inputsFile = `${outfile}.inputs.json`;
  if (!fs.existsSync(outfile) || !fs.existsSync(inputsFile)) return false;
  const built = fs.statSync(outfile).mtimeMs;
  const inputs = [...JSON.parse(fs.readFileSync(inputsFile, "utf8")), "scripts/probe.mjs", "package.json"];
  return inputs.every((f) => {
    const file = path.resolve(root, f);
    return fs.existsSync(file) && fs.statSync(file).mtimeMs <= built;
  });
}

/** Bundles the agent into outfile (written aside, then renamed: a running agent keeps its file). */
export async function bundleProbe(outfile = path.join(root, "dist/probe.mjs")) {
  const esbuild = await import("esbuild");
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  const result = await esbuild.build({
    entryPoints: [path.join(root, ENTRY)],
    outfile: tmp,
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    metafile: true,
    legalComments: "none",
    logLevel: "warning",
  });
  // Its service process would otherwise stay beside the agent for as long as it runs.
  await esbuild.stop();
  const inputs = Object.keys(result.metafile.inputs);
  fs.writeFileSync(`${outfile}.inputs.json`, JSON.stringify(inputs));
  fs.renameSync(tmp, outfile);
  return { outfile, inputs };
}

export async function ensureProbe(outfile = path.join(root, "dist/probe.mjs")) {
  if (!isFresh(outfile)) await bundleProbe(outfile);
  return outfile;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  let outfile;
  try {
    outfile = await ensureProbe();
  } catch (err) {
    console.error(`outpost probe: cannot bundle the agent: ${err.message}`);
    process.exit(1);
  }
  // In this process: the agent reads the same arguments (it skips "--") and handles the signals.
  await import(pathToFileURL(outfile).href);
}
