// Staff under stress: a scripted person (e2e/support/person.ts: 0.6 s a click, 150 words a minute,
// plus the app's own time) does what an on-call engineer does at 3 a.m., on a 1366 px desktop and
// on a 360 px phone, each task from the signed-in dashboard: (a) the first post, (b) an update,
// (c) resolve, (d) a component to degraded. Each task is written against what the screens offer
// when it runs (a one-tap status, a one-click Resolve, else the older path), so the same script
// measures any version of them. The figures (clicks, person-seconds, scrolling) go to a JSON file
// ($STAFF_STRESS_OUT, else staff-stress.json in the output folder) and the log; `npm run bench`
// prints them as a table. The test asserts only that every task did what it should, never a
// click count or a time.
import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { getIncident, listUpdates } from "../db/queries/incidents";
import { SYSTEM_ACTOR } from "../lib/audit";
import { setComponentStatus } from "../lib/components";
import { baseUrl, componentByName, database, expect, signInPage, test } from "./fixtures";
import { CHARACTERS_PER_WORD, CLICK_SECONDS, Person, startsWith, WORDS_PER_MINUTE, type Tally } from "./support/person";

const DEVICES = [
  { name: "desktop", viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false },
  { name: "phone", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
] as const;

const TITLE = "Checkout errors";
const FIRST = "We are investigating errors at checkout; some card payments fail.";
const UPDATE = "We found the cause, a faulty deploy, and are rolling it back.";
const RESOLVED = "The rollback is done and checkout works again.";

/** The incident's status control: "Status", not "Status of Checkout". */
const STATUS = /^\s*(incident\s+)?status\s*$/i;
const named = (component: string) => new RegExp(`^\\s*(status of\\s+)?${component}\\b`, "i");

/** The main region: the staff menu's own links and groups are not the page's controls. */
const mainOf = (p: Person) => p.page.locator("#admin-main");

const messageBox = (scope: Locator | Page) =>
  scope
    .getByRole("textbox", { name: "Message", exact: true })
    .or(scope.getByRole("textbox", { name: startsWith("Message") }));

/** The form that holds the message box (the update form, not the postmortem or the details). */
const formWithMessage = (scope: Locator) => scope.locator("form").filter({ has: messageBox(scope.page()) });

/** Sets `component` to `status` in a form: one tap when the UI offers it, ticking it first in a checklist. */
async function setComponent(p: Person, scope: Locator, component: string, status: string) {
  if (await p.choose(scope, named(component), status, `${component}: ${status}`)) return;
  let box = await p.visible(scope.getByRole("checkbox", { name: startsWith(component) }));
  if (!box) {
    const search = await p.visible(
      scope.getByRole("searchbox"),
      scope.getByRole("textbox", { name: /search|find|filter/i }),
    );
    if (search) {
      await p.type(search, component, "the component search");
      box = await p.find(`${component} in the list`, scope.getByRole("checkbox", { name: startsWith(component) }));
    }
  }
  if (box) await p.check(box, `${component} affected`);
  if (!(await p.choose(scope, named(component), status, `${component}: ${status}`)))
    throw new Error(`the person finds no way to set ${component} to ${status} on ${p.page.url()}`);
}

/** From the dashboard to the incident's own page, by its title. */
async function openIncident(p: Person, id: string) {
  const link = mainOf(p).locator(`a[href$="/admin/incidents/${id}"]`);
  if (!(await p.visible(link))) await p.navigate("Incidents");
  await p.click(await p.find("the incident's title", link), `"${TITLE}"`);
  await p.until("the incident's page", () => p.page.url().includes(`/admin/incidents/${id}`));
}

async function postFromForm(p: Person, what: string) {
  const form = formWithMessage(mainOf(p));
  const post = await p.find(
    "the button that posts",
    form.getByRole("button", { name: /^(post|publish)( an)? update/i }),
    form.getByRole("button", { name: /^(post|publish)\b/i }),
  );
  await p.click(post, what);
}

/** (a) The first post: "Checkout errors", Investigating, Checkout in major outage, one sentence. */
async function firstPost(p: Person): Promise<string> {
  const main = mainOf(p);
  const report = [
    main.getByRole("link", { name: /^(report a problem|new incident)/i }),
    main.getByRole("button", { name: /^(report a problem|new incident)/i }),
  ];
  let start = await p.visible(...report);
  if (!start) {
    await p.navigate("Incidents");
    start = await p.find("a way to report a problem", ...report);
  }
  await p.click(start, "Report a problem");
  await p.type(await p.find("the title", main.getByRole("textbox", { name: startsWith("Title") })), TITLE, "the title");
  await p.choose(main, STATUS, "Investigating", "status: Investigating");
  await setComponent(p, main, "Checkout", "Major outage");
  await p.type(await p.find("the message", messageBox(main)), FIRST, "the message");
  await p.click(await p.find("Publish", main.getByRole("button", { name: /^publish\b/i })), "Publish");
  await p.until("the new incident's page", () => /\/admin\/incidents\/[a-z0-9]+(\?|$)/i.test(p.page.url()));
  return /\/admin\/incidents\/([a-z0-9]+)/i.exec(p.page.url())![1]!;
}

/** (b) An update: Identified, one sentence. */
async function postUpdate(p: Person, id: string) {
  await openIncident(p, id);
  const main = mainOf(p);
  if (!(await p.choose(main, STATUS, "Identified", "status: Identified")))
    throw new Error(`the person finds no status to choose on ${p.page.url()}`);
  await p.type(await p.find("the message", messageBox(main)), UPDATE, "the message");
  await postFromForm(p, "Post update");
}

/** (c) Resolve: a Resolve button beside the incident or on its page when there is one, else the update form. */
async function resolve(p: Person, id: string, resolved: () => boolean) {
  const main = mainOf(p);
  // The innermost row holding the incident's link (rows come after the lists holding them).
  const beside = main
    .locator("li, article, tr")
    .filter({ has: p.page.locator(`a[href$="/admin/incidents/${id}"]`) })
    .last()
    .getByRole("button", { name: startsWith("Resolve") });
  let button = await p.visible(beside);
  if (!button) {
    await openIncident(p, id);
    button = await p.visible(main.getByRole("button", { name: startsWith("Resolve") }));
  }
  if (button) {
    await p.click(button, "Resolve");
    if (resolved()) return;
    // A confirmation, the message prefilled: type one only when it is empty, then confirm.
    const dialog = await p.visible(p.page.getByRole("dialog"));
    const box = await p.visible(messageBox(dialog ?? main));
    if (box && !(await box.inputValue()).trim()) await p.type(box, RESOLVED, "the message");
    if (dialog) {
      const confirm = await p.find(
        "the button that resolves",
        dialog.getByRole("button", { name: startsWith("Resolve") }),
        dialog.getByRole("button", { name: /^(post|publish|confirm)\b/i }),
      );
      await p.click(confirm, "confirm");
    } else await postFromForm(p, "Post update");
    return;
  }
  if (!(await p.choose(main, STATUS, "Resolved", "status: Resolved")))
    throw new Error(`the person finds no way to resolve on ${p.page.url()}`);
  await p.type(await p.find("the message", messageBox(main)), RESOLVED, "the message");
  await postFromForm(p, "Post update");
}

/** (d) Payouts to degraded performance, from wherever is quickest: the dashboard, else Components. */
async function degradeComponent(p: Person, done: () => boolean) {
  const main = mainOf(p);
  const what = "Payouts: Degraded performance";
  if (!(await p.choose(main, named("Payouts"), "Degraded performance", what))) {
    await p.navigate("Components");
    await p.find(
      "Payouts' status",
      main.getByRole("combobox", { name: named("Payouts") }),
      main.getByRole("radiogroup", { name: named("Payouts") }),
      main.getByRole("group", { name: named("Payouts") }),
      main.getByRole("button", { name: named("Payouts") }),
    );
    if (!(await p.choose(main, named("Payouts"), "Degraded performance", what)))
      throw new Error(`the person finds no status for Payouts on ${p.page.url()}`);
  }
  if (done()) return;
  // A screen that saves only with its own button.
  const set = await p.visible(main.getByRole("button", { name: /^set\b.*payouts/i }));
  if (set) await p.click(set, "Set");
}

const TASKS = ["first_post", "update", "resolve", "component_degraded"] as const;
type Figures = Record<(typeof TASKS)[number], Tally>;

test("[staff-stress] a scripted person posts, updates, resolves and degrades a component, on a desktop and on a phone", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const db = database();
  const devices: Record<string, { viewport: { width: number; height: number }; tasks: Figures }> = {};
  for (const device of DEVICES) {
    // The same starting point for each run: both components operational.
    for (const name of ["Checkout", "Payouts"])
      setComponentStatus(db, SYSTEM_ACTOR, { id: componentByName(name).id, status: "operational" });
    const context = await browser.newContext({
      viewport: device.viewport,
      isMobile: device.isMobile,
      hasTouch: device.hasTouch,
      baseURL: baseUrl(),
    });
    const page = await context.newPage();
    await signInPage(page);
    const p = new Person(page);
    const tasks = {} as Figures;
    const fromDashboard = async () => {
      await page.goto("/admin");
      p.reset();
    };

    await fromDashboard();
    const id = await firstPost(p);
    tasks.first_post = p.tally();
    const incident = getIncident(db, id);
    expect(incident?.name).toBe(TITLE);
    expect(incident?.status).toBe("investigating");
    expect(componentByName("Checkout").status).toBe("major_outage");

    await fromDashboard();
    await postUpdate(p, id);
    tasks.update = p.tally();
    expect(getIncident(db, id)?.status).toBe("identified");
    expect(listUpdates(db, [id])[0]).toMatchObject({ status: "identified", body: UPDATE });

    await fromDashboard();
    await resolve(p, id, () => getIncident(db, id)?.status === "resolved");
    tasks.resolve = p.tally();
    expect(getIncident(db, id)?.status).toBe("resolved");

    await fromDashboard();
    const payouts = () => componentByName("Payouts").status === "degraded_performance";
    await degradeComponent(p, payouts);
    tasks.component_degraded = p.tally();
    expect(componentByName("Payouts").status).toBe("degraded_performance");

    devices[device.name] = { viewport: device.viewport, tasks };
    for (const task of TASKS) {
      const t = tasks[task];
      console.log(
        `staff under stress, ${device.name}, ${task}: ${t.clicks} clicks, ${t.characters} characters, ${t.person_seconds} person-seconds (${t.modelled_seconds} modelled + ${t.app_seconds} app), scrolled ${t.scrolled_px} px: ${t.steps.join("; ")}`,
      );
    }
    await context.close();
  }
  setComponentStatus(db, SYSTEM_ACTOR, { id: componentByName("Payouts").id, status: "operational" });

  const result = {
    date: new Date().toISOString(),
    model: {
      click_seconds: CLICK_SECONDS,
      words_per_minute: WORDS_PER_MINUTE,
      characters_per_word: CHARACTERS_PER_WORD,
      app_time: "each action until its requests settle",
    },
    goals: { first_post_clicks: 4, resolve_clicks: 2, component_degraded_clicks: 1 },
    devices,
  };
  const out = process.env.STAFF_STRESS_OUT ?? path.join(test.info().project.outputDir, "staff-stress.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
  test.info().annotations.push({ type: "staff-stress", description: out });
});
