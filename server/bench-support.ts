// Used by scripts/bench.mjs: writes through the domain verbs from a second connection,
// as a command-line script or a background loop would.
import { openDatabase as open } from "@/db/client";
import { SYSTEM_ACTOR } from "@/lib/audit";
import { createIncident } from "@/lib/incidents";

export function openDatabase(file: string) {
  const db = open(file);
  return {
    db,
    openIncident: (d: typeof db, name: string) => createIncident(d, SYSTEM_ACTOR, { name, status: "investigating", impact: "minor", body: "Benchmark probe." }),
  };
}
