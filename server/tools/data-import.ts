// `npm run data:import -- FILE`: loads an export into an empty instance (start it with
// OUTPOST_DEMO=0). One transaction: a refused file changes nothing.
import fs from "node:fs";
import { importData } from "@/lib/data-transfer";
import { AppError } from "@/lib/errors";
import { openToolDatabase } from "../tool-database";

export async function run(args: string[]): Promise<number> {
  const file = args[0];
  if (!file) {
    console.error("usage: npm run data:import -- FILE");
    return 2;
  }
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    console.error(`outpost: cannot read ${file} as JSON: ${(err as Error).message}`);
    return 1;
  }
  const db = openToolDatabase();
  try {
    const counts = importData(db, data);
    const rows = Object.values(counts).reduce((a, n) => a + n, 0);
    console.log(`outpost: imported ${rows} rows into ${Object.keys(counts).length} tables`);
    const omitted = (data as { omitted?: unknown }).omitted;
    if (Array.isArray(omitted) && omitted.length)
      console.log(`outpost: this export came without secrets; left out: ${omitted.join("; ")}`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`outpost: refused: ${err.message}. Nothing was changed.`);
      return 1;
    }
    throw err;
  } finally {
    db.$client.close();
  }
}
