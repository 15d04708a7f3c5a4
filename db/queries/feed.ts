import { and, desc, eq, exists } from "drizzle-orm";
import type { Db } from "../client";
import { incidentComponents, incidents, incidentUpdates } from "../schema";

export type FeedRow = {
  updateId: string;
  seq: number;
  incidentId: string;
  incidentName: string;
  kind: (typeof incidents.$inferSelect)["kind"];
  status: (typeof incidentUpdates.$inferSelect)["status"];
  body: string;
  createdAt: number;
  updatedAt: number;
  displayAt: number;
};

const columns = {
  updateId: incidentUpdates.id,
  seq: incidentUpdates.seq,
  incidentId: incidentUpdates.incidentId,
  incidentName: incidents.name,
  kind: incidents.kind,
  status: incidentUpdates.status,
  body: incidentUpdates.body,
  createdAt: incidentUpdates.createdAt,
  updatedAt: incidentUpdates.updatedAt,
  displayAt: incidentUpdates.displayAt,
};

/**
 * The newest updates of incidents and maintenances (newest first, one bounded query), optionally
 * only those of incidents that concern one component.
 */
export function listFeedUpdates(db: Db, limit: number, componentId?: string): FeedRow[] {
  const concerns = componentId
    ? exists(
        db
          .select({ one: incidentComponents.incidentId })
          .from(incidentComponents)
          .where(and(eq(incidentComponents.incidentId, incidents.id), eq(incidentComponents.componentId, componentId))),
      )
    : undefined;
  return db
    .select(columns)
    .from(incidentUpdates)
    .innerJoin(incidents, eq(incidents.id, incidentUpdates.incidentId))
    .where(concerns)
    .orderBy(desc(incidentUpdates.seq))
    .limit(limit)
    .all();
}
