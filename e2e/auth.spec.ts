import { getThrottle, getUser } from "../db/queries/users";
import { currentTotp } from "../lib/auth/totp";
import { SIGN_IN_MESSAGES } from "../lib/constants";
import { baseUrl, database, expect, expectNoSeriousAxeViolations, newStaff, signInPage, test } from "./fixtures";
import { signIn } from "./support/auth";

test("[auth] the sign-in form takes a person to the page they asked for", async ({ page }) => {
  const staff = await newStaff("editor");
  await page.goto("/admin/account");
  await expect(page).toHaveURL(/\/admin\/sign-in\?callbackUrl=%2Fadmin%2Faccount/);
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  expect(getUser(database(), staff.user.id)?.lastSignInAt).toBeGreaterThan(0);
});

test("[auth] wrong passwords and unknown emails get the same words, then that address is throttled for that account", async ({
  browser,
}) => {
  // A client address of its own (the shared server trusts X-Forwarded-For), so no other test is slowed.
  const context = await browser.newContext({
    baseURL: baseUrl(),
    extraHTTPHeaders: { "x-forwarded-for": "203.0.113.50" },
  });
  const page = await context.newPage();
  const staff = await newStaff("editor");
  const attempt = async (email: string, password: string, expected: string) => {
    await page.goto("/admin/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(expected);
  };
  await attempt(staff.email, "not the password", SIGN_IN_MESSAGES.invalid);
  await attempt("nobody-here@e2e.test", "not the password", SIGN_IN_MESSAGES.invalid);
  for (let i = 0; i < 4; i++) await attempt(staff.email, `wrong ${i}`, SIGN_IN_MESSAGES.invalid);
  await attempt(staff.email, staff.password, SIGN_IN_MESSAGES.throttled);
  expect(getThrottle(database(), `pair:203.0.113.50|${staff.email}`)?.blockedUntil).toBeGreaterThan(Date.now());
  expect(getThrottle(database(), "address:203.0.113.50")?.failures).toBe(6);
  expect(getThrottle(database(), `account:${staff.email}`)).toBeUndefined();
  await context.close();
});

test("[security] wrong passwords from one address do not lock the account for its owner at another address", async ({
  browser,
}) => {
  const staff = await newStaff("editor");
  const attacker = (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.66" } })).request;
  for (let i = 0; i < 8; i++)
    await expect(signIn(attacker, baseUrl(), { email: staff.email, password: `guess ${i}` })).rejects.toThrow(
      /invalid|throttled/,
    );
  await expect(signIn(attacker, baseUrl(), staff)).rejects.toThrow(/throttled/);
  const owner = (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.99" } })).request;
  await signIn(owner, baseUrl(), staff);
  expect(getUser(database(), staff.user.id)?.lastSignInAt).toBeGreaterThan(0);
});

test("[auth] two-factor: enrol with the shown key, then sign-in asks for a code; a recovery code works once", async ({
  page,
  browser,
}) => {
  const staff = await newStaff("editor");
  await signInPage(page, staff);
  await page.goto("/admin/account");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const key = (await page.getByTestId("totp-secret").textContent())!.trim();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel("Code from the app").fill(currentTotp(key));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = (await page.getByTestId("secret").textContent())!.trim().split("\n");
  expect(codes).toHaveLength(10);
  expect(getUser(database(), staff.user.id)?.totpEnabledAt).toBeGreaterThan(0);

  const fresh = await browser.newContext({ baseURL: baseUrl() });
  const other = await fresh.newPage();
  await other.goto("/admin/sign-in?callbackUrl=/admin/account");
  await other.getByLabel("Email").fill(staff.email);
  await other.getByLabel("Password").fill(staff.password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("main").getByRole("alert")).toHaveText(SIGN_IN_MESSAGES.code_required);
  // Not the code that turned two-factor on: that one is spent. The next step's code is accepted
  // (clock drift allows one step either side).
  const code = currentTotp(key, Date.now() + 30_000);
  await other.getByLabel("Authentication code").fill(code);
  await other.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(other.getByRole("heading", { name: "Your account" })).toBeVisible();
  await fresh.close();

  // [security] A TOTP code is single use: someone who saw it cannot sign in with it again.
  const replay = (await browser.newContext()).request;
  await expect(signIn(replay, baseUrl(), { ...staff, code })).rejects.toThrow(/code_invalid/);

  const api = (await browser.newContext()).request;
  await signIn(api, baseUrl(), { ...staff, code: codes[0] });
  await expect(signIn(api, baseUrl(), { ...staff, code: codes[0] })).rejects.toThrow(/code_invalid/);
});

test("[auth] disabling an account ends its session on its very next request", async ({ page, browser }) => {
  const editor = await newStaff("editor");
  await signInPage(page, editor);
  await page.goto("/admin/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  const adminContext = await browser.newContext({ baseURL: baseUrl() });
  const admin = await adminContext.newPage();
  await signInPage(admin);
  await admin.goto("/admin/people");
  const row = admin.getByRole("listitem", { name: editor.email });
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByRole("status")).toContainText("is disabled");
  expect(getUser(database(), editor.user.id)?.disabledAt).toBeGreaterThan(0);

  await page.reload();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await expect(signIn(page.request, baseUrl(), editor)).rejects.toThrow(/disabled/);

  await row.getByRole("button", { name: "Re-enable" }).click();
  await signIn(page.request, baseUrl(), editor);
  await adminContext.close();
});

test("[auth] a demoted admin loses admin pages on the next request, without signing in again", async ({ page }) => {
  const person = await newStaff("admin");
  await signInPage(page, person);
  expect((await page.goto("/admin/people"))?.status()).toBe(200);
  const { setRole } = await import("../lib/accounts");
  const { SYSTEM_ACTOR } = await import("../lib/audit");
  setRole(database(), SYSTEM_ACTOR, person.user.id, "editor");
  expect((await page.goto("/admin/people"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
  expect((await page.goto("/admin/account"))?.status()).toBe(200);
});

test("[auth] an admin adds a person, who signs in with the generated password", async ({ page, browser }) => {
  await signInPage(page);
  await page.goto("/admin/people");
  await expectNoSeriousAxeViolations(page);
  const email = `new-${Date.now()}@e2e.test`;
  const form = page.getByRole("form", { name: "Add a person" });
  // Passes the browser's own email check, not the server's.
  await form.getByLabel("Email").fill("someone@nowhere");
  await form.getByRole("button", { name: /Add/ }).click();
  await expect(form.getByLabel("Email")).toHaveAccessibleDescription("Enter a valid email address");
  await expect(form.getByLabel("Email")).toHaveValue("someone@nowhere");
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: /Add/ }).click();
  const password = (await form.getByTestId("secret").textContent())!.trim();
  const api = (await browser.newContext()).request;
  await signIn(api, baseUrl(), { email, password });
});
