"use server";
import { z } from "zod";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { NETWORKS } from "@/lib/syndication/networks";
import { switchNetwork } from "@/lib/syndication/outbox";
import { parse } from "@/lib/validation";

const input = z.object({ name: z.enum(NETWORKS, { error: "Unknown network" }), enabled: z.enum(["1", "0"]) });

/** Switches a configured network on or off for new updates. */
export async function switchNetworkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return runAction(
    "admin",
    (staff, db) => {
      const v = parse(input, values);
      switchNetwork(db, staff, v.name, v.enabled === "1");
      return {
        ok: true,
        message: v.enabled === "1" ? "On: new updates are posted there." : "Off: new updates are not posted there.",
      };
    },
    { revalidate: ["/admin/channels"] },
  );
}
