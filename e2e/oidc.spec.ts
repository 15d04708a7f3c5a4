import { openDatabase, type Db } from "../db/client";
import { getUser } from "../db/queries/users";
import { beginTotp, confirmTotp, createUser } from "../lib/accounts";
import { SYSTEM_ACTOR } from "../lib/audit";
import { currentTotp } from "../lib/auth/totp";
import { expect, test } from "./fixtures";
import { startOidcProvider, type StandInProvider } from "./support/oidc-provider";
import { startServer, type RunningServer } from "./support/server";

let idp: StandInProvider;
let server: RunningServer;
let db: Db;

test.beforeAll(async () => {
  idp = await startOidcProvider();
  server = await startServer({
    OUTPOST_DEMO: "0",
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_NAME: "Test IdP",
  });
  db = openDatabase(server.databasePath);
  await createUser(db, SYSTEM_ACTOR, { email: "sso@e2e.test", role: "editor", name: "SSO Person" });
});

test.afterAll(async () => {
  db?.$client.close();
  await server?.stop();
  await idp?.close();
});

test("[auth] OpenID Connect signs in a person who has an account, by email", async ({ page }) => {
  idp.setPerson({ sub: "idp-42", email: "SSO@e2e.test", name: "SSO Person" });
  await page.goto(`${server.url}/admin/sign-in?callbackUrl=/admin/account`);
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText("sso@e2e.test · editor")).toBeVisible();
});

test("[auth] OpenID Connect refuses a person without an account here", async ({ page }) => {
  idp.setPerson({ sub: "idp-43", email: "stranger@e2e.test", name: "Stranger" });
  await page.goto(`${server.url}/admin/sign-in`);
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/No enabled Outpost account has that email/);
  expect((await page.goto(`${server.url}/admin/account`))?.url()).toContain("/admin/sign-in");
});

test("[security] OpenID Connect refuses an email the provider has not verified, with a clear message", async ({
  page,
}) => {
  const { user } = await createUser(db, SYSTEM_ACTOR, { email: "unverified@e2e.test", role: "admin", name: "Admin" });
  for (const email_verified of [false, null]) {
    idp.setPerson({ sub: "idp-unverified", email: "unverified@e2e.test", name: "Not Verified", email_verified });
    await page.goto(`${server.url}/admin/sign-in`);
    await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/has not verified this email address/);
    expect((await page.goto(`${server.url}/admin/account`))?.url()).toContain("/admin/sign-in");
  }
  expect(getUser(db, user.id)?.oidcSubject).toBeNull();
});

test("[security] OpenID Connect binds the account to the first sub and refuses a different one later", async ({
  page,
  browser,
}) => {
  const { user } = await createUser(db, SYSTEM_ACTOR, { email: "bound@e2e.test", role: "editor", name: "Bound" });
  idp.setPerson({ sub: "idp-first", email: "bound@e2e.test", name: "Bound" });
  await page.goto(`${server.url}/admin/sign-in?callbackUrl=/admin/account`);
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  expect(getUser(db, user.id)?.oidcSubject).toBe("idp-first");

  const other = await (await browser.newContext()).newPage();
  idp.setPerson({ sub: "idp-second", email: "bound@e2e.test", name: "Someone Else" });
  await other.goto(`${server.url}/admin/sign-in`);
  await other.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await expect(other.getByRole("main").getByRole("alert")).toHaveText(
    /linked to a different account at your sign-in provider/,
  );
  expect((await other.goto(`${server.url}/admin/account`))?.url()).toContain("/admin/sign-in");
  expect(getUser(db, user.id)?.oidcSubject).toBe("idp-first");
});

test("[security] OpenID Connect still asks for the account's TOTP code when two-factor sign-in is on", async ({
  page,
}) => {
  const { user } = await createUser(db, SYSTEM_ACTOR, {
    email: "twofa-sso@e2e.test",
    role: "admin",
    name: "Two Factor",
  });
  const actor = { type: "user" as const, id: user.id, label: user.email, role: "admin" as const };
  const secret = beginTotp(db, actor);
  confirmTotp(db, actor, currentTotp(secret));
  idp.setPerson({ sub: "idp-twofa", email: "twofa-sso@e2e.test", name: "Two Factor" });
  await page.goto(`${server.url}/admin/sign-in?callbackUrl=/admin/account`);
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await expect(page.getByText("Test IdP signed you in as twofa-sso@e2e.test")).toBeVisible();
  // Not signed in yet: every staff page still sends the visitor to the code.
  expect((await page.request.get(`${server.url}/admin/people`, { maxRedirects: 0 })).status()).toBe(307);

  await page
    .getByLabel("Authentication code")
    .fill("000000" === currentTotp(secret, Date.now() + 30_000) ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/That code is not right/);
  const code = currentTotp(secret, Date.now() + 30_000);
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  expect((await page.request.get(`${server.url}/admin/people`, { maxRedirects: 0 })).status()).toBe(200);
});
