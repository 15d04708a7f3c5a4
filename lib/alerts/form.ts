// The staff forms' flat strings to alert source and rule input, and back. Checkboxes arrive as
// "on" or not at all; a select's empty option means "none". The signing secret is write-only: an
// edit with the field left blank keeps the stored secret, and only the "remove" box clears it.
import type { AlertRuleInput, AlertRulePatch, AlertSourceInput, AlertSourcePatch } from "./sources";

type FormValues = Record<string, string | undefined>;

const orNull = (v: string | undefined) => (v?.trim() ? v : null);

export function sourceFromForm(v: FormValues): AlertSourceInput {
  return {
    name: v.name ?? "",
    // Validated by the verb, which names the kinds it knows.
    kind: (v.kind ?? "") as AlertSourceInput["kind"],
    signingSecret: orNull(v.signingSecret),
    defaultComponentId: orNull(v.defaultComponentId),
    defaultStatus: orNull(v.defaultStatus),
    autoPublish: v.autoPublish === "on",
    templateId: orNull(v.templateId),
    paused: v.paused === "on",
  };
}

export function sourcePatchFromForm(v: FormValues): AlertSourcePatch {
  const { signingSecret, ...rest } = sourceFromForm(v);
  if (v.removeSigningSecret === "on") return { ...rest, signingSecret: null };
  return signingSecret ? { ...rest, signingSecret } : rest;
}

/** The whole rule as the form has it: the same for a new rule and for an edit. */
export function ruleFromForm(v: FormValues): AlertRuleInput & AlertRulePatch {
  return {
    matchers: v.matchers ?? "",
    componentId: v.componentId ?? "",
    status: v.status ?? "",
    setsStatus: v.setsStatus === "on",
    // Blank is 0 (counts at once); anything else is checked by the verb.
    forSeconds: v.forSeconds?.trim() ? v.forSeconds.trim() : 0,
  };
}

const box = (on: boolean) => (on ? "on" : "");

/** A stored source as the edit form's starting values (never the signing secret). */
export function valuesFromSource(s: {
  name: string;
  kind: string;
  defaultComponentId: string | null;
  defaultStatus: string | null;
  autoPublish: boolean;
  templateId: string | null;
  paused: boolean;
}): Record<string, string> {
  return {
    name: s.name,
    kind: s.kind,
    defaultComponentId: s.defaultComponentId ?? "",
    defaultStatus: s.defaultStatus ?? "",
    autoPublish: box(s.autoPublish),
    templateId: s.templateId ?? "",
    paused: box(s.paused),
  };
}

export function valuesFromRule(r: {
  matchers: string;
  componentId: string;
  status: string;
  setsStatus: boolean;
  forSeconds: number;
}): Record<string, string> {
  return {
    matchers: r.matchers,
    componentId: r.componentId,
    status: r.status,
    setsStatus: box(r.setsStatus),
    forSeconds: String(r.forSeconds),
  };
}
