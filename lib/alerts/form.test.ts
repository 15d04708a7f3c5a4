// The staff forms' strings through the real verbs on a migrated in-memory database: a new source
// from the form, the write-only signing secret (blank keeps, the box removes), problems beside
// their fields, and a rule from the form mapping a waiting alert.
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getSource } from "@/db/queries/alerts";
import { openDraftFor } from "@/db/queries/monitors";
import { insertUser } from "@/db/queries/users";
import { ensurePage } from "@/db/seed";
import { testDatabase } from "@/db/testing";
import { SYSTEM_ACTOR, type Actor } from "../audit";
import { createComponent } from "../components";
import { AppError } from "../errors";
import { deliverAlerts } from "./deliver";
import { ruleFromForm, sourceFromForm, sourcePatchFromForm, valuesFromRule, valuesFromSource } from "./form";
import { createAlertRule, createAlertSource, updateAlertSource } from "./sources";

const editor: Actor = { type: "user", id: "e", label: "editor@example.com", role: "editor" };
const T0 = Date.parse("2026-12-01T12:00:00Z");

let db: Db;
let payments: string;

beforeEach(() => {
  db = testDatabase();
  ensurePage(db, { name: "Test", timeZone: "Etc/UTC", now: T0 });
  insertUser(db, { id: "e", email: "editor@example.com", name: "Ed", role: "editor", createdAt: T0, updatedAt: T0 });
  payments = createComponent(db, SYSTEM_ACTOR, { name: "Payments" }, T0).id;
});

/** The field messages a refused call carries. */
function fieldErrors(work: () => unknown): Record<string, string[]> {
  try {
    work();
  } catch (err) {
    if (err instanceof AppError) return err.fieldErrors ?? {};
    throw err;
  }
  throw new Error("expected the call to be refused");
}

describe("the source form", () => {
  it("creates a source: empty selects are no default, absent boxes are off", () => {
    const row = createAlertSource(
      db,
      editor,
      sourceFromForm({ name: "Prod PagerDuty", kind: "pagerduty", signingSecret: "s3cret", defaultComponentId: "" }),
      T0,
    );
    expect(row).toMatchObject({
      name: "Prod PagerDuty",
      kind: "pagerduty",
      signingSecret: "s3cret",
      defaultComponentId: null,
      defaultStatus: null,
      autoPublish: false,
      templateId: null,
      paused: false,
    });
    // The edit form starts from the stored settings, never from the secret.
    expect(valuesFromSource(row)).not.toHaveProperty("signingSecret");
    expect(valuesFromSource(row)).toMatchObject({ kind: "pagerduty", defaultComponentId: "", paused: "" });
  });

  it("keeps the signing secret when the field is left blank, replaces it when typed, removes it with the box", () => {
    const { id } = createAlertSource(
      db,
      editor,
      sourceFromForm({ name: "PD", kind: "pagerduty", signingSecret: "one" }),
    );
    const form = { id, name: "PD", kind: "pagerduty", paused: "on" };
    updateAlertSource(db, editor, id, sourcePatchFromForm({ ...form, signingSecret: "" }));
    expect(getSource(db, id)).toMatchObject({ signingSecret: "one", paused: true });
    updateAlertSource(db, editor, id, sourcePatchFromForm({ ...form, signingSecret: "two" }));
    expect(getSource(db, id)?.signingSecret).toBe("two");
    updateAlertSource(db, editor, id, sourcePatchFromForm({ ...form, signingSecret: "", removeSigningSecret: "on" }));
    expect(getSource(db, id)?.signingSecret).toBeNull();
  });

  it("answers problems beside their fields", () => {
    expect(
      Object.keys(
        fieldErrors(() => createAlertSource(db, editor, sourceFromForm({ name: "", kind: "nagios" }))),
      ).sort(),
    ).toEqual(["kind", "name"]);
    // A default needs both halves; a secret is at most 200 characters.
    expect(
      fieldErrors(() =>
        createAlertSource(db, editor, sourceFromForm({ name: "A", kind: "generic", defaultComponentId: payments })),
      ),
    ).toHaveProperty("defaultStatus");
    expect(
      fieldErrors(() =>
        createAlertSource(db, editor, sourceFromForm({ name: "B", kind: "generic", signingSecret: "x".repeat(201) })),
      ),
    ).toHaveProperty("signingSecret");
  });
});

describe("the rule form", () => {
  it("refuses unreadable matchers and seconds beside their fields", () => {
    const { id } = createAlertSource(db, editor, sourceFromForm({ name: "Generic", kind: "generic" }));
    const errors = fieldErrors(() =>
      createAlertRule(
        db,
        editor,
        id,
        ruleFromForm({
          matchers: 'service="payments',
          componentId: payments,
          status: "major_outage",
          forSeconds: "soon",
        }),
      ),
    );
    expect(errors.matchers?.join(" ")).toContain("no closing quote");
    expect(errors.forSeconds).toEqual(["A whole number of seconds"]);
  });

  it("maps an alert that was waiting: the rule from the form opens its draft", () => {
    const source = createAlertSource(db, editor, sourceFromForm({ name: "Generic", kind: "generic" }), T0);
    const body = JSON.stringify({ status: "firing", summary: "Checkout failing", labels: { service: "payments" } });
    const answer = deliverAlerts(db, source.token, body, () => null, T0 + 1000);
    expect(answer.status === 202 && answer.body.effects[0]?.effect).toBe("unmapped: kept for staff to map");
    expect(openDraftFor(db, payments)).toBeUndefined();

    const rule = createAlertRule(
      db,
      editor,
      source.id,
      ruleFromForm({ matchers: 'service="payments"', componentId: payments, status: "partial_outage", forSeconds: "" }),
      T0 + 2000,
    );
    expect(rule).toMatchObject({ setsStatus: false, forSeconds: 0, status: "partial_outage" });
    expect(openDraftFor(db, payments)).toMatchObject({ alertSourceId: source.id, firstError: "Checkout failing" });
    expect(valuesFromRule(rule)).toEqual({
      matchers: 'service="payments"',
      componentId: payments,
      status: "partial_outage",
      setsStatus: "",
      forSeconds: "0",
    });
  });
});
