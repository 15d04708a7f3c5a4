// `npm start`: build when needed, then run the one server process (dist/server.js) in this process.
import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureBuild } from "./ensure-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
// A .env file (see .env.example) fills in what the environment does not set.
if (fs.existsSync(".env")) {
  for (const [key, value] of Object.entries(parseEnv(fs.readFileSync(".env", "utf8")))) process.env[key] ??= value;
}
process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
try {
  await ensureBuild(root);
} catch (err) {
  console.error(`outpost: ${err.message}`);
  process.exit(1);
}
await import(pathToFileURL(path.join(root, "dist/server.js")).href);
