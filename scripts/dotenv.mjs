import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";

/** A .env file (see .env.example) fills in what the environment does not set. */
export function loadDotEnv(root) {
  const file = path.join(root, ".env");
  if (!fs.existsSync(file)) return;
  for (const [key, value] of Object.entries(parseEnv(fs.readFileSync(file, "utf8")))) process.env[key] ??= value;
}
