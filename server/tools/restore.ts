// `npm run restore -- FILE --yes`: puts a backup in place of the database. Stop the server first.
// Refuses without --yes and refuses a file that is not a sound database; the current database is
// kept aside, never deleted.
import fs from "node:fs";
import path from "node:path";
import { restoreDatabase } from "@/lib/backup";
import { config, ConfigError } from "@/lib/config";

export async function run(args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    console.error("usage: npm run restore -- FILE --yes   (stop the server first)");
    return 2;
  }
  let databasePath: string;
  try {
    databasePath = config().databasePath;
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`outpost: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const source = path.resolve(file);
  if (!fs.existsSync(source)) {
    console.error(`outpost: ${source} does not exist`);
    return 1;
  }
  if (!args.includes("--yes")) {
    console.error(
      `outpost: this replaces ${databasePath} with ${source} (the current database is kept aside). Run again with --yes to do it.`,
    );
    return 2;
  }
  try {
    const { asideAs, rowCounts } = restoreDatabase(source, databasePath);
    const rows = Object.values(rowCounts).reduce((a, n) => a + n, 0);
    console.log(`outpost: restored ${source} (${rows} rows, integrity_check ok) to ${databasePath}`);
    if (asideAs) console.log(`outpost: the previous database is kept as ${asideAs}`);
    return 0;
  } catch (err) {
    console.error(
      `outpost: refused: ${source} is not a sound Outpost database: ${(err as Error).message}. Nothing was changed.`,
    );
    return 1;
  }
}
