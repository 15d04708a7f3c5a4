// `npm run import:statuspage -- URL | FILE...`: moves a Statuspage page into an empty Outpost,
// from its public URL or from saved copies of its /api/v2/*.json documents.
import fs from "node:fs";
import { SYSTEM_ACTOR } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { fetchStatuspage, importStatuspage, mergeDocuments } from "@/lib/statuspage-import";
import { openToolDatabase } from "../tool-database";

export async function run(args: string[]): Promise<number> {
  const [source] = args;
  if (source === undefined) {
    console.error(
      "usage: npm run import:statuspage -- https://status.example.com   or   -- summary.json incidents.json ...",
    );
    return 2;
  }
  const db = openToolDatabase();
  try {
    const docs = /^https?:\/\//.test(source)
      ? await fetchStatuspage(source)
      : mergeDocuments(args.map((f) => JSON.parse(fs.readFileSync(f, "utf8")) as Record<string, unknown>));
    const r = importStatuspage(db, SYSTEM_ACTOR, docs);
    console.log(
      `outpost: imported ${r.groups} groups, ${r.components} components, ${r.incidents} incidents and ${r.maintenances} maintenances with ${r.updates} updates`,
    );
    return 0;
  } catch (err) {
    if (err instanceof AppError || err instanceof SyntaxError || (err as NodeJS.ErrnoException).code === "ENOENT") {
      console.error(`outpost: import refused: ${(err as Error).message}. Nothing was changed.`);
      return 1;
    }
    throw err;
  } finally {
    db.$client.close();
  }
}
