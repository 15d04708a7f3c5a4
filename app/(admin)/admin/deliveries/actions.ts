"use server";
import { z } from "zod";
import { ALL_STAFF_PAGES, formValues, runAction, type ActionState } from "@/lib/auth/action";
import { settleDelivery, retryDelivery } from "@/lib/syndication/outbox";
import { parse } from "@/lib/validation";
import { staffT } from "@/lib/i18n/staff";

const settleInput = z.object({
  id: z.string().min(1, staffT("staff.deliveries.missing")),
  outcome: z.enum(["posted", "not_posted"], { error: staffT("staff.deliveries.sayPosted") }),
  remoteUrl: z.union([z.literal(""), z.url({ error: staffT("staff.deliveries.badUrl") })]).default(""),
});

/** Sends a failed delivery again. */
export async function retryDeliveryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      retryDelivery(db, staff, id);
      return { ok: true, message: staffT("staff.deliveries.queuedAgain") };
    },
    { revalidate: [ALL_STAFF_PAGES] },
  );
}

/** Settles a delivery whose outcome is unknown: it was posted (with its URL), or it was not (send it). */
export async function settleDeliveryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      const input = parse(settleInput, values);
      settleDelivery(db, staff, input.id, input.outcome, input.remoteUrl || undefined);
      return {
        ok: true,
        message:
          input.outcome === "posted" ? staffT("staff.deliveries.markedPosted") : staffT("staff.deliveries.queued"),
      };
    },
    { revalidate: [ALL_STAFF_PAGES] },
  );
}
