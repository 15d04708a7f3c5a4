// `npm run backup`: one online backup now, verified (integrity_check, restore test, checksum),
// into BACKUP_DIR. Safe while the server runs.
import { backupDatabase } from "@/lib/backup";
import { config } from "@/lib/config";
import { openToolDatabase } from "../tool-database";

export async function run(): Promise<number> {
  const db = openToolDatabase();
  try {
    const b = await backupDatabase(db, config().backupDir);
    const rows = Object.values(b.rowCounts).reduce((a, n) => a + n, 0);
    console.log(
      `outpost: backup ${config().backupDir}/${b.file}: ${b.bytes} bytes, ${rows} rows in ${Object.keys(b.rowCounts).length} tables`,
    );
    console.log(
      `outpost: verified: integrity_check ok, restored into a temporary file with equal row counts; sha256 ${b.sha256}`,
    );
    return 0;
  } catch (err) {
    console.error(`outpost: backup failed: ${(err as Error).message}`);
    return 1;
  } finally {
    db.$client.close();
  }
}
