// `npm run data:export -- FILE`: all data as one JSON file (safe while the server runs), secrets
// included: whoever runs this on the server can read the database itself. The admin API's export
// leaves secrets out.
import fs from "node:fs";
import path from "node:path";
import { exportData } from "@/lib/data-transfer";
import { openToolDatabase } from "../tool-database";

export async function run(args: string[]): Promise<number> {
  const file = args[0];
  if (!file) {
    console.error("usage: npm run data:export -- FILE");
    return 2;
  }
  const db = openToolDatabase();
  try {
    const data = exportData(db);
    const target = path.resolve(file);
    fs.writeFileSync(`${target}.partial`, JSON.stringify(data));
    fs.renameSync(`${target}.partial`, target);
    fs.chmodSync(target, 0o600);
    const rows = Object.values(data.tables).reduce((a, t) => a + t.length, 0);
    console.log(
      `outpost: exported ${rows} rows from ${Object.keys(data.tables).length} tables to ${target} (it holds password hashes, TOTP keys and webhook secrets: keep it private)`,
    );
    return 0;
  } finally {
    db.$client.close();
  }
}
