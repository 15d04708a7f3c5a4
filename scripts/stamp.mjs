// The build stamp: a hash of everything the build reads. A changed stamp means a stale build.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "messages",
  "db",
  "server",
  "public",
  "proxy.ts",
  "package.json",
  "package-lock.json",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "scripts/build.mjs",
];

function* files(p) {
  if (!fs.existsSync(p)) return;
  if (fs.statSync(p).isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) yield* files(path.join(p, name));
  } else if (!/\.test\.tsx?$/.test(p)) yield p;
}

export function sourceStamp(root) {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of files(path.join(root, input))) {
      hash.update(path.relative(root, file));
      hash.update(fs.readFileSync(file));
    }
  }
  return hash.digest("hex");
}

export const stampFile = (root) => path.join(root, "dist", "build-stamp");

export function isBuildFresh(root) {
  const file = stampFile(root);
  return (
    fs.existsSync(path.join(root, "dist", "server.js")) &&
    fs.existsSync(file) &&
    fs.readFileSync(file, "utf8") === sourceStamp(root)
  );
}
