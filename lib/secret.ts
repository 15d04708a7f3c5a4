// The session signing secret: AUTH_SECRET, or one generated once and kept beside the database.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function ensureAuthSecret(databasePath: string, configured: string | undefined): string {
  if (configured) return configured;
  const file = path.join(path.dirname(databasePath), "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  return secret;
}
