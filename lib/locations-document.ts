// /api/v2/outpost/locations.json: where each monitored component is checked from and what each
// place sees, an Outpost extension beside the Statuspage v2 documents (which stay exact: Statuspage
// has no such field). Built from the public snapshot, like them.
import type { Snapshot } from "./snapshot-types";
import { pageJson } from "./statuspage";
import { isoTime } from "./time";

export const LOCATIONS_DOCUMENT_PATH = "/api/v2/outpost/locations.json";

export function locationsDocument(s: Snapshot) {
  return {
    page: pageJson(s),
    locations: (s.probeLocations ?? []).map((l) => ({
      name: l.name,
      label: l.label,
      reporting: l.reporting,
      last_seen_at: isoTime(l.lastSeenAt),
    })),
    components: s.components
      .filter((c) => c.located?.length)
      .map((c) => ({
        id: c.id,
        name: c.name,
        status: c.status,
        monitors: (c.located ?? []).map((m) => ({
          id: m.id,
          name: m.name,
          /** up, degraded, regional (down from fewer places than the quorum), down or unknown. */
          verdict: m.verdict,
          quorum: m.quorum,
          locations: m.locations.map((l) => ({
            name: l.name,
            label: l.label,
            status: l.health,
            reporting: l.reporting,
            checked_at: isoTime(l.lastCheckedAt),
            latency_ms: l.latencyMs,
          })),
        })),
      })),
  };
}
