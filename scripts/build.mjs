// `npm run build`: Next's production build, the public pages' CSS and script, and the server.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import postcss from "postcss";
import tailwind from "@tailwindcss/postcss";
import { sourceStamp, stampFile } from "./stamp.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";

const started = Date.now();
fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });

const next = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
  cwd: root,
  stdio: "inherit",
});
if (next.status !== 0) process.exit(next.status ?? 1);

// The public pages' CSS holds only the classes their sources use (not the staff area's): the
// same globals.css, with Tailwind's source detection narrowed to what renders public pages.
const PUBLIC_SOURCES = [
  "components/pages",
  "components/status",
  "components/incidents",
  "components/ui",
  "lib/palette.ts",
];
const cssFrom = path.join(root, "app/globals.css");
const publicCss = fs
  .readFileSync(cssFrom, "utf8")
  .replace(
    '@import "tailwindcss";',
    ['@import "tailwindcss" source(none);', ...PUBLIC_SOURCES.map((dir) => `@source "../${dir}";`)].join("\n"),
  );
if (!publicCss.includes("source(none)")) throw new Error('app/globals.css must start with @import "tailwindcss";');
const css = await postcss([tailwind({ base: root, optimize: { minify: true } })]).process(publicCss, {
  from: cssFrom,
});
fs.writeFileSync(path.join(dist, "public.css"), css.css);

await esbuild.build({
  entryPoints: [path.join(root, "components/pages/page-script.ts")],
  outfile: path.join(dist, "page-script.js"),
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2019",
  logLevel: "warning",
});
// The embeddable widget; the server wraps it with the live and mirror URLs when serving it.
await esbuild.build({
  entryPoints: [path.join(root, "components/embed/embed.ts")],
  outfile: path.join(dist, "embed.js"),
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2019",
  logLevel: "warning",
});
await esbuild.build({
  entryPoints: {
    server: path.join(root, "server/main.ts"),
    "bench-support": path.join(root, "server/bench-support.ts"),
    "snapshot-thread": path.join(root, "server/snapshot-thread.ts"),
    ...Object.fromEntries(
      fs
        .readdirSync(path.join(root, "server/tools"))
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
        .map((f) => [`tools/${f.replace(/\.ts$/, "")}`, path.join(root, "server/tools", f)]),
    ),
  },
  outdir: dist,
  bundle: true,
  // Shared code goes into chunks, so each process role loads only what it uses (workers and the
  // cluster primary never load Next).
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  jsx: "automatic",
  sourcemap: true,
  logLevel: "warning",
});
// After the build: Next may have touched tsconfig.json.
fs.writeFileSync(stampFile(root), sourceStamp(root));
console.log(`outpost: build finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
