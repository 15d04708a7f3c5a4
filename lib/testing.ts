// Test support for the unit and e2e tests: shorthands for the verbs, acting as staff would, and must().
import type { Db } from "@/db/client";
import { insertComponent } from "@/db/queries/components";
import { ensurePage } from "@/db/seed";
import { SYSTEM_ACTOR } from "./audit";
import { setComponentStatus as setStatus } from "./components";
import type { ComponentStatus } from "./constants";

/** A component's status set by hand (lib/components.ts: setComponentStatus). */
export function setComponentStatus(db: Db, componentId: string, status: ComponentStatus, now = Date.now()): void {
  setStatus(db, SYSTEM_ACTOR, { id: componentId, status }, now);
}

/** A value the test needs: a missing one fails the test, saying what was expected. */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}`);
  return value;
}

/** A fresh page "Acme" with two components, API (slug api) and Website (slug website). */
export function acmePage(db: Db, now: number) {
  const pageId = ensurePage(db, { name: "Acme", timeZone: "Etc/UTC", now });
  const component = (id: string, name: string, slug: string) =>
    insertComponent(db, { id, pageId, name, slug, createdAt: now, updatedAt: now });
  return { pageId, api: component("api000000001", "API", "api"), web: component("web000000001", "Website", "website") };
}
