// What the public snapshot holds of monitors checked from several places. Types only, so the
// snapshot's types can name them without importing the database side.
import type { MonitorHealth } from "../constants";

/** One location of a monitor, as the public page and /api/v2/outpost/locations.json show it. */
export type PublicLocation = {
  name: string;
  /** Where it is, e.g. "Frankfurt"; null for the server when OUTPOST_LOCATION_LABEL is not set. */
  label: string | null;
  /** Its own verdict after its anti-flap confirmation; unknown while it is silent or has no result yet. */
  health: "up" | "degraded" | "down" | "unknown";
  reporting: boolean;
  lastCheckedAt: number | null;
  latencyMs: number | null;
};

/** A monitor checked from several places, with each place's verdict and the monitor's by quorum. */
export type LocatedMonitor = {
  id: string;
  name: string;
  verdict: MonitorHealth;
  quorum: number;
  locations: PublicLocation[];
};
