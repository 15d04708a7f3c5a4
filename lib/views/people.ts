// The people page's read model: every account, as its row shows it.
import { getDb, type Db } from "@/db/client";
import { listUsers } from "@/db/queries/users";

export function peopleView(db: Db = getDb()) {
  return listUsers(db).map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabledAt !== null,
    twoFactor: u.totpEnabledAt !== null,
    lastSignInAt: u.lastSignInAt,
  }));
}
