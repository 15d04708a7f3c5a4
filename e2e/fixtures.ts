// Test fixtures: the shared server's database, opened from the test process (a second writer,
// as a script or background loop would be), and helpers built on the domain verbs.
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { openDatabase, type Db } from "../db/client";
import { createUser } from "../lib/accounts";
import { SYSTEM_ACTOR } from "../lib/audit";
import type { Role } from "../lib/constants";
import { newId } from "../lib/ids";
import { createIncident, type CreateIncidentInput } from "../lib/incidents";
import { E2E_ADMIN, signIn } from "./support/auth";
import { buildSnapshot } from "../lib/snapshot";

let shared: Db | undefined;

export function database(): Db {
  shared ??= openDatabase(process.env.OUTPOST_E2E_DATABASE!);
  return shared;
}

/** The stored state, read straight from the database. */
export function storedSnapshot() {
  return buildSnapshot(database(), { publicUrl: process.env.OUTPOST_BASE_URL! });
}

export function componentByName(name: string) {
  const c = storedSnapshot().components.find((x) => x.name === name);
  if (!c) throw new Error(`no component ${name}`);
  return c;
}

export function openIncident(input: Partial<CreateIncidentInput> & { name: string }) {
  return createIncident(database(), SYSTEM_ACTOR, {
    status: "investigating",
    impact: "minor",
    body: "Looking into it.",
    ...input,
  });
}

export async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

export const baseUrl = () => process.env.OUTPOST_BASE_URL!;

/** A fresh staff account (each test its own, so disabling one cannot disturb another test). */
export async function newStaff(role: Role) {
  const email = `${role}-${newId(6)}@e2e.test`;
  const password = `pw-${newId(16)}`;
  const { user } = await createUser(database(), SYSTEM_ACTOR, { email, role, name: `E2E ${role}`, password });
  return { user, email, password };
}

/** Signs the page's browser context in (page.request shares its cookies). */
export async function signInPage(
  page: Page,
  credentials: { email: string; password: string; code?: string } = E2E_ADMIN,
) {
  await signIn(page.request, baseUrl(), credentials);
}

/**
 * Waits until React has taken over the element (hydrated it). Until then the page is plain HTML,
 * and hydration sets a box's value again, which can move the caret under a fast test's typing.
 * Tests about the page before its script runs hold the scripts back instead.
 */
export async function hydrated(element: Locator) {
  await expect
    .poll(() => element.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactProps"))))
    .toBe(true);
}

export const test = base;
export { expect };
