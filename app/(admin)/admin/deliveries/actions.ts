"use server";
import { z } from "zod";
import { ALL_STAFF_PAGES, formValues, runAction, type ActionState } from "@/lib/auth/action";
import { settleDelivery, retryDelivery } from "@/lib/syndication/outbox";
import { parse } from "@/lib/validation";

const settleInput = z.object({
  id: z.string().min(1, "Missing delivery"),
  outcome: z.enum(["posted", "not_posted"], { error: "Say whether it was posted" }),
  remoteUrl: z.union([z.literal(""), z.url({ error: "Enter the post's full URL, or leave it empty" })]).default(""),
});

/** Sends a failed delivery again. */
export async function retryDeliveryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction(
    "editor",
    (staff, db) => {
      retryDelivery(db, staff, id);
      return { ok: true, message: "Queued again; it goes out within seconds." };
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
      return { ok: true, message: input.outcome === "posted" ? "Marked as posted." : "Queued to be sent." };
    },
    { revalidate: [ALL_STAFF_PAGES] },
  );
}
