// What the cluster's processes tell each other over the IPC channel node:cluster sets up.
import type { MirrorState } from "@/lib/mirror-state";
import type { FirstAdmin } from "./start-lines";

/** The writer prepared the database and listens on its unix socket. */
export type WriterReady = { type: "writer-ready"; pageName: string; firstAdmin: FirstAdmin | null };
/** The writer's mirror state changed; the primary relays it to every worker. */
export type MirrorUpdate = { type: "mirror-state"; state: MirrorState };
/** From the primary: finish what is in flight, then exit. */
export type Stop = { type: "stop" };
/** From the primary to one public worker at a time: keep EDGE_DIR exported. */
export type EdgeExport = { type: "edge-export" };

export type ClusterMessage = WriterReady | MirrorUpdate | Stop | EdgeExport;

export function isMessage<T extends ClusterMessage["type"]>(
  m: unknown,
  type: T,
): m is Extract<ClusterMessage, { type: T }> {
  return typeof m === "object" && m !== null && (m as { type?: unknown }).type === type;
}

/** The peer address a worker saw, sent to the writer over its unix socket (and only there). */
export const PEER_HEADER = "x-outpost-peer-address";
/** The byte the writer sends as it accepts a connection: only then does a worker send its request. */
export const ACCEPTED = 0x06;
