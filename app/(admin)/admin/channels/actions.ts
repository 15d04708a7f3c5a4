"use server";
import { z } from "zod";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { NETWORKS } from "@/lib/syndication/networks";
import { switchNetwork } from "@/lib/syndication/outbox";
import { parse } from "@/lib/validation";
import { staffT } from "@/lib/i18n/staff";

const input = z.object({
  name: z.enum(NETWORKS, { error: staffT("staff.channels.unknownNetwork") }),
  enabled: z.enum(["1", "0"]),
});

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
        message: v.enabled === "1" ? staffT("staff.channels.on") : staffT("staff.channels.off"),
      };
    },
    { revalidate: ["/admin/channels"] },
  );
}
