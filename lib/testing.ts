// Test support for lib's tests: shorthands for the verbs, acting as staff would.
import type { Db } from "@/db/client";
import { SYSTEM_ACTOR } from "./audit";
import { setComponentStatus as setStatus } from "./components";
import type { ComponentStatus } from "./constants";

/** A component's status set by hand (lib/components.ts: setComponentStatus). */
export function setComponentStatus(db: Db, componentId: string, status: ComponentStatus, now = Date.now()): void {
  setStatus(db, SYSTEM_ACTOR, { id: componentId, status }, now);
}
