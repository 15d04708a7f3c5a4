// The account page's read model beyond the signed-in user itself.
import { getDb, type Db } from "@/db/client";
import { countUnusedRecoveryCodes } from "@/db/queries/users";

export function accountView(userId: string, db: Db = getDb()) {
  return { recoveryLeft: countUnusedRecoveryCodes(db, userId) };
}
