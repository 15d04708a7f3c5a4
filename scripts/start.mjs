// `npm start`: build when needed, then run the one server process (dist/server.js) in this process.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureBuild } from "./ensure-build.mjs";
import { loadDotEnv } from "./dotenv.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
loadDotEnv(root);
process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
try {
  await ensureBuild(root);
} catch (err) {
  console.error(`outpost: ${err.message}`);
  process.exit(1);
}
await import(pathToFileURL(path.join(root, "dist/server.js")).href);
