// The gate every admin page, server action and session-authenticated route calls itself.
// A JWT alone is not enough: the account must still exist, be enabled and carry the same
// session version, so a disable or role change takes effect on the very next request.
import { getServerSession } from "next-auth/next";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getUser, type UserRow } from "@/db/queries/users";
import type { Actor } from "../audit";
import type { Role } from "../constants";
import { AppError } from "../errors";
import { REQUEST_PATH_HEADER } from "./client-address";
import { authOptions, SIGN_IN_PATH } from "./options";

export type Staff = Actor & { type: "user"; id: string; user: UserRow };

export async function currentStaff(): Promise<Staff | null> {
  const session = await getServerSession(authOptions());
  // A single sign-on still waiting for its second factor is not signed in.
  if (!session?.uid || session.pending) return null;
  const user = getUser(getDb(), session.uid);
  if (!user || user.disabledAt || user.sessionVersion !== session.sv) return null;
  return { type: "user", id: user.id, label: user.email, role: user.role, user };
}

/** The account of a single sign-on that still needs its second factor, for the sign-in page to ask for it. */
export async function pendingSsoAccount(): Promise<{ email: string } | null> {
  const session = await getServerSession(authOptions());
  if (!session?.uid || !session.pending) return null;
  const user = getUser(getDb(), session.uid);
  return user && !user.disabledAt && user.sessionVersion === session.sv ? { email: user.email } : null;
}

function allowed(staff: Staff, role: Role): boolean {
  return role === "editor" || staff.role === "admin";
}

/** Where to come back to after signing in: the requested admin path, without Next's _rsc marker. */
async function requestedPath(): Promise<string> {
  const raw = (await headers()).get(REQUEST_PATH_HEADER) ?? "/admin";
  const url = new URL(raw, "http://x");
  url.searchParams.delete("_rsc");
  const path = url.pathname + url.search;
  return path.startsWith("/admin") ? path : "/admin";
}

/** For pages and layouts: signs the visitor in first, or answers 403 when their role is not enough. */
export async function requireStaff(role: Role = "editor", from?: string): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(from ?? (await requestedPath()))}`);
  if (!allowed(staff, role)) forbidden();
  return staff;
}

/** For server actions: throws AppError, which the action turns into a message. */
export async function staffForAction(role: Role = "editor"): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) throw new AppError("forbidden", "Your session has ended. Sign in again.");
  if (!allowed(staff, role)) throw new AppError("forbidden", "Only an admin can do this");
  return staff;
}
