// The incident list's read model: a search over titles and messages, newest first, a page at a time.
import { getDb, type Db } from "@/db/client";
import type { IncidentKind } from "../constants";
import { findIncidents } from "../incidents";
import { pageZone } from "./incident-editor";

const PER_PAGE = 25;

export function incidentsView(query: { q: string; kind?: IncidentKind; page: number }, db: Db = getDb()) {
  const { q, kind, page } = query;
  const rows = findIncidents(db, {
    q: q || undefined,
    kind,
    order: "newest",
    limit: PER_PAGE + 1,
    offset: (page - 1) * PER_PAGE,
  });
  return { incidents: rows.slice(0, PER_PAGE), more: rows.length > PER_PAGE, ...pageZone(db) };
}
