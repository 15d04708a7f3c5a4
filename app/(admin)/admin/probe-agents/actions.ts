"use server";
import { formValues, runAction, type ActionState } from "@/lib/auth/action";
import { createProbeAgent, deleteProbeAgent, updateProbeAgent } from "@/lib/monitors/agents";
import { staffT } from "@/lib/i18n/staff";

const revalidate = ["/admin/probe-agents", "/admin/monitors"];

export async function createAgentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return runAction(
    "admin",
    (staff, db) => {
      const { agent, token } = createProbeAgent(db, staff, { name: values.name ?? "", label: values.label ?? "" });
      return {
        ok: true,
        message: staffT("staff.agents.createdMessage", { name: agent.name }),
        secret: token,
        // The command under the token names the agent.
        values: { created: agent.name },
      };
    },
    { echo: values, revalidate },
  );
}

export async function relabelAgentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  return runAction(
    "admin",
    (staff, db) => {
      updateProbeAgent(db, staff, values.id ?? "", { label: values.label ?? "" });
      return { ok: true, message: staffT("staff.common.saved") };
    },
    { echo: values, revalidate },
  );
}

export async function removeAgentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { id = "" } = formValues(form);
  return runAction(
    "admin",
    (staff, db) => {
      deleteProbeAgent(db, staff, id);
      return { ok: true, message: staffT("staff.agents.removed") };
    },
    { revalidate },
  );
}
