// Runs one command-line tool (server/tools/<name>.ts, compiled by the build) with the same
// environment as `npm start`: `node scripts/tool.mjs reset-password -- EMAIL`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureBuild } from "./ensure-build.mjs";
import { loadDotEnv } from "./dotenv.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
loadDotEnv(root);
process.env.NODE_ENV = "production";
const [name, ...args] = process.argv.slice(2);
if (!name || !fs.existsSync(path.join(root, "server/tools", `${name}.ts`))) {
  console.error(`outpost: unknown tool "${name ?? ""}"`);
  process.exit(2);
}
try {
  await ensureBuild(root);
} catch (err) {
  console.error(`outpost: ${err.message}`);
  process.exit(1);
}
const tool = await import(pathToFileURL(path.join(root, "dist/tools", `${name}.js`)).href);
process.exitCode = await tool.run(args.filter((a) => a !== "--"));
