// A scripted person for the staff area: wraps a Playwright page so that every click (or tap) costs
// 0.6 s and typing 150 words a minute (5 characters a word: 0.08 s a character), and adds the real
// time the app takes to answer each action (until its requests have settled). It counts clicks,
// characters, the distance scrolled to reach each control, and "person seconds": the modelled time
// plus the app's. It finds controls by role and label, and prefers the fastest path the UI offers
// at run time (a one-tap status button over a select, a one-click Resolve over the update form),
// so the same script measures any version of the staff screens. Figures only: nothing here asserts
// a timing.
import type { Locator, Page, Request } from "@playwright/test";

export const CLICK_SECONDS = 0.6;
export const WORDS_PER_MINUTE = 150;
export const CHARACTERS_PER_WORD = 5;
export const CHARACTER_SECONDS = 60 / (WORDS_PER_MINUTE * CHARACTERS_PER_WORD);
/** How long the network must stay quiet before an action counts as answered (not counted itself). */
const QUIET_MS = 150;
/** A request still open after this long is background work (a long poll), not an answer. */
const BACKGROUND_MS = 5_000;

export type Tally = {
  clicks: number;
  characters: number;
  /** Clicks and typing at the modelled pace. */
  modelled_seconds: number;
  /** The app's own time: each action until its requests settled. */
  app_seconds: number;
  /** Modelled plus app seconds. */
  person_seconds: number;
  /** How far the person had to scroll to reach the controls they used. */
  scrolled_px: number;
  /** What the person did, in order. */
  steps: string[];
};

const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** `label` at the start of an accessible name, as a whole word ("Resolve" is not "Resolved"). */
export const startsWith = (label: string) => new RegExp(`^\\s*${escapeRegExp(label)}(?![\\w])`, "i");

export class Person {
  private clicks = 0;
  private characters = 0;
  private appMs = 0;
  private scrolledPx = 0;
  private steps: string[] = [];
  private readonly open = new Map<Request, number>();
  /** When the current action started, and when the last request it started ended. */
  private since = 0;
  private lastAnswer = 0;

  constructor(readonly page: Page) {
    page.on("request", (r) => {
      if (!this.ignored(r)) this.open.set(r, performance.now());
    });
    const done = (r: Request) => {
      const started = this.open.get(r);
      this.open.delete(r);
      if (started !== undefined && started >= this.since) this.lastAnswer = performance.now();
    };
    page.on("requestfinished", done);
    page.on("requestfailed", done);
  }

  /** Link prefetches, event streams and sockets are not answers a person waits for. */
  private ignored(r: Request): boolean {
    const type = r.resourceType();
    if (type === "eventsource" || type === "websocket") return true;
    const h = r.headers();
    return Boolean(h["next-router-prefetch"] || h["purpose"] === "prefetch" || h["sec-purpose"]?.includes("prefetch"));
  }

  /** Starts a new task's tally. */
  reset(): void {
    this.clicks = 0;
    this.characters = 0;
    this.appMs = 0;
    this.scrolledPx = 0;
    this.steps = [];
  }

  tally(): Tally {
    const modelled = this.clicks * CLICK_SECONDS + this.characters * CHARACTER_SECONDS;
    const app = this.appMs / 1000;
    return {
      clicks: this.clicks,
      characters: this.characters,
      modelled_seconds: round(modelled, 2),
      app_seconds: round(app, 2),
      person_seconds: round(modelled + app, 2),
      scrolled_px: Math.round(this.scrolledPx),
      steps: [...this.steps],
    };
  }

  /** Waits until no request the action started is open for QUIET_MS; returns when the last one ended. */
  private async settle(actionEnded: number): Promise<number> {
    const deadline = actionEnded + 15_000;
    let lastBusy = actionEnded;
    for (;;) {
      const now = performance.now();
      const busy = [...this.open.values()].some((started) => started >= this.since && now - started < BACKGROUND_MS);
      if (busy) lastBusy = now;
      else if (now - lastBusy >= QUIET_MS || now > deadline) return Math.max(actionEnded, this.lastAnswer);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Runs `act` as one thing the person does, adding the app's time until it is answered. */
  private async timed(step: string, act: () => Promise<unknown>): Promise<void> {
    this.steps.push(step);
    const started = performance.now();
    this.since = started;
    this.lastAnswer = 0;
    await act();
    const answered = await this.settle(performance.now());
    // A document still loading (a form posted without JavaScript, a full navigation) is waited for too.
    const loading = performance.now();
    await this.page.waitForLoadState("load");
    const loadWait = performance.now() - loading;
    this.appMs += answered - started + (loadWait > 20 ? loadWait : 0);
  }

  /** How far `target` is outside the viewport now: the scrolling a person does to reach it. */
  private async reach(target: Locator): Promise<void> {
    const box = await target.boundingBox().catch(() => null);
    const viewport = this.page.viewportSize();
    if (!box || !viewport) return;
    if (box.y < 0) this.scrolledPx += -box.y;
    else if (box.y + box.height > viewport.height) this.scrolledPx += box.y + box.height - viewport.height;
  }

  async click(target: Locator, step: string): Promise<void> {
    await this.reach(target);
    this.clicks += 1;
    await this.timed(`click ${step}`, () => target.click());
  }

  /** Clicks into the field unless it already has the focus, then types `text` (replacing what was there). */
  async type(field: Locator, text: string, step: string): Promise<void> {
    await this.reach(field);
    const focused = await field.evaluate((el) => el === document.activeElement);
    if (!focused) this.clicks += 1;
    this.characters += text.length;
    await this.timed(`type ${step}${focused ? " (already focused)" : ""}`, async () => {
      if (!focused) await field.click();
      await field.fill(text);
    });
  }

  /** A native select: two clicks (open it, pick), none when `option` is already chosen. */
  async select(field: Locator, option: RegExp, step: string): Promise<boolean> {
    const choice = await field.evaluate((el, source) => {
      const re = new RegExp(source, "i");
      const select = el as HTMLSelectElement;
      const found = [...select.options].find((o) => re.test(o.textContent ?? ""));
      return found ? { value: found.value, selected: found.selected } : null;
    }, option.source);
    if (!choice) return false;
    if (choice.selected) {
      this.steps.push(`${step} (already chosen)`);
      return true;
    }
    await this.reach(field);
    this.clicks += 2;
    await this.timed(`select ${step}`, () => field.selectOption(choice.value));
    return true;
  }

  /** A radio or checkbox: one click on it (or on its label when the input itself is hidden), none when already on. */
  async check(box: Locator, step: string): Promise<void> {
    if (await box.isChecked()) {
      this.steps.push(`${step} (already on)`);
      return;
    }
    const small = await box.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.width < 8 || r.height < 8;
    });
    const label = box.locator("xpath=ancestor::label[1]");
    const target = small && (await label.count()) ? label : box;
    await this.reach(target);
    this.clicks += 1;
    await this.timed(`check ${step}`, () => (small && target === box ? box.check({ force: true }) : target.click()));
  }

  /** The first of `candidates` that is visible now (no waiting), or null. */
  async visible(...candidates: Locator[]): Promise<Locator | null> {
    for (const c of candidates) {
      const first = c.first();
      if ((await first.isVisible().catch(() => false)) && (await first.isEnabled().catch(() => false))) return first;
    }
    return null;
  }

  /** The first of `candidates` to become visible; the wait is the app's time (the page still rendering). */
  async find(what: string, ...candidates: Locator[]): Promise<Locator> {
    const started = performance.now();
    for (;;) {
      const found = await this.visible(...candidates);
      if (found) {
        this.appMs += performance.now() - started;
        return found;
      }
      if (performance.now() - started > 10_000) throw new Error(`the person cannot find ${what} on ${this.page.url()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Waits for `done` (an address, a state the page shows); the wait is the app's time. */
  async until(what: string, done: () => boolean | Promise<boolean>): Promise<void> {
    const started = performance.now();
    while (!(await done())) {
      if (performance.now() - started > 10_000)
        throw new Error(`the person waited in vain for ${what} on ${this.page.url()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    this.appMs += performance.now() - started;
  }

  /**
   * Sets the control named `name` (a status, a component) to `option`, the quickest way the UI
   * offers: a radio or a pressed-state button in a group (one click), a select (two), a menu
   * button and its item (two). Returns false when `scope` has no such control.
   */
  async choose(scope: Locator, name: RegExp, option: string, step: string): Promise<boolean> {
    const wanted = startsWith(option);
    for (const group of await scope.getByRole("radiogroup", { name }).or(scope.getByRole("group", { name })).all()) {
      if (!(await group.isVisible())) continue;
      const radio = await this.visible(group.getByRole("radio", { name: wanted }));
      if (radio) {
        await this.check(radio, step);
        return true;
      }
      const button = await this.visible(group.getByRole("button", { name: wanted }));
      if (button) {
        if ((await button.getAttribute("aria-pressed")) === "true") this.steps.push(`${step} (already on)`);
        else await this.click(button, step);
        return true;
      }
    }
    const select = await this.visible(scope.getByRole("combobox", { name }));
    if (select && (await select.evaluate((el) => el.tagName === "SELECT"))) return this.select(select, wanted, step);
    const menuButton = await this.visible(
      scope
        .locator('[aria-haspopup="menu"], [aria-haspopup="listbox"], [aria-haspopup="true"]')
        .and(scope.getByRole("button", { name })),
    );
    if (menuButton) {
      await this.click(menuButton, `${step}: open its menu`);
      const item = await this.find(
        `${option} in the menu`,
        this.page.getByRole("menuitemradio", { name: wanted }),
        this.page.getByRole("menuitem", { name: wanted }),
        this.page.getByRole("option", { name: wanted }),
      );
      await this.click(item, step);
      return true;
    }
    return false;
  }

  /**
   * Follows the staff menu's link `name`, opening what hides it first (a group, the phone's Menu),
   * as a person would.
   */
  async navigate(name: string): Promise<void> {
    const nav = this.page.getByRole("navigation", { name: "Staff area" });
    const link = nav.getByRole("link", { name, exact: true });
    for (let i = 0; i < 3 && !(await link.first().isVisible()); i++) {
      const hidden = nav.getByRole("link", { name, exact: true, includeHidden: true }).first();
      const href = await hidden.getAttribute("href");
      const summary = nav.locator(`details:not([open]):has(a[href="${href}"]) > summary`).first();
      await this.click(summary, `the menu holding ${name}`);
    }
    await this.click(link.first(), `${name} in the menu`);
  }
}
