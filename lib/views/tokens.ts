// The API tokens page's read model: every token without its secret.
import { getDb, type Db } from "@/db/client";
import { listTokens } from "@/db/queries/tokens";
import { publicToken } from "../tokens";

export function tokensView(db: Db = getDb()) {
  return listTokens(db).map(publicToken);
}
