import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing";
import { ensurePage } from "@/db/seed";
import { getIncident } from "@/db/queries/incidents";
import { startSmtp, type StandInSmtp } from "../e2e/support/smtp";
import { createUser, disableUser } from "./accounts";
import { SYSTEM_ACTOR, type Actor } from "./audit";
import { addIncidentUpdate, createIncident } from "./incidents";
import { sendOverdueReminders } from "./reminders";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const MIN = 60_000;
let smtp: StandInSmtp;

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  process.env.PUBLIC_URL = "https://status.example.com";
});
afterAll(() => smtp.close());

async function setup() {
  const db = testDatabase();
  ensurePage(db, { name: "Test", timeZone: "Etc/UTC" });
  const { user: ann } = await createUser(db, SYSTEM_ACTOR, { email: "ann@example.com", role: "editor" });
  await createUser(db, SYSTEM_ACTOR, { email: "bob@example.com", role: "admin" });
  const annActor: Actor = { type: "user", id: ann.id, label: ann.email, role: "editor" };
  return { db, ann, annActor };
}

describe("overdue reminders", () => {
  it("mail whoever posted last, once per missed promise, through a real SMTP server", async () => {
    const { db, annActor } = await setup();
    const i = createIncident(db, annActor, { name: "Checkout errors", status: "investigating", body: "Looking." }, NOW);
    expect(await sendOverdueReminders(db, NOW + 29 * MIN)).toBe(0);
    expect(await sendOverdueReminders(db, NOW + 31 * MIN)).toBe(1);
    const mail = await smtp.waitFor((m) => m.subject === "Update overdue: Checkout errors");
    expect(mail.to).toEqual(["ann@example.com"]);
    expect(mail.text).toContain(`https://status.example.com/admin/incidents/${i.id}`);
    expect(mail.text).toContain("Nov 24, 2026, 12:30 UTC");
    expect(await sendOverdueReminders(db, NOW + 40 * MIN)).toBe(0);
    expect(getIncident(db, i.id)?.overdueRemindedAt).toBe(NOW + 31 * MIN);

    addIncidentUpdate(db, annActor, i.id, { status: "identified", body: "Found it." }, NOW + 45 * MIN);
    expect(await sendOverdueReminders(db, NOW + 80 * MIN)).toBe(1);
  });

  it("mail every enabled staff account when the last poster was a token or is disabled", async () => {
    const { db, ann, annActor } = await setup();
    createIncident(db, annActor, { name: "Login slow", status: "investigating" }, NOW);
    disableUser(db, SYSTEM_ACTOR, ann.id, NOW);
    expect(await sendOverdueReminders(db, NOW + 31 * MIN)).toBe(1);
    const mail = await smtp.waitFor((m) => m.subject === "Update overdue: Login slow");
    expect(mail.to).toEqual(["bob@example.com"]);
  });

  it("retry a minute after a failed send", async () => {
    const { db, annActor } = await setup();
    createIncident(db, annActor, { name: "Flaky", status: "investigating" }, NOW);
    const failing = async () => {
      throw new Error("connection refused");
    };
    expect(await sendOverdueReminders(db, NOW + 31 * MIN, failing)).toBe(0);
    expect(await sendOverdueReminders(db, NOW + 31 * MIN + 1000)).toBe(0);
    expect(await sendOverdueReminders(db, NOW + 32 * MIN + 1000)).toBe(1);
  });
});
