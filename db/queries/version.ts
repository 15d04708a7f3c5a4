import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { dataVersion } from "../schema";

/** The data version, bumped by triggers on every write to a public table. */
export function readDataVersion(db: Db): number {
  return db.select({ v: dataVersion.version }).from(dataVersion).where(eq(dataVersion.id, 1)).get()?.v ?? 0;
}
