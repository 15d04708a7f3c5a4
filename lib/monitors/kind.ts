// What a monitor kind is. Everything that differs between kinds lives in one descriptor per kind
// (lib/monitors/kinds/<kind>.ts), listed once in ./registry: the settings schema (which the verbs,
// the admin API and its OpenAPI use), the staff form's fields, the probe and the target's host.
import type { z } from "zod";
import type { ProbeContext, ProbeResult } from "./probes/types";

/**
 * How a settings field is shown and read back from the form's strings: text, url and select are
 * strings (empty: null), number is a string the schema coerces (empty: the default), checkbox a
 * boolean, headers "Name: value" lines, list values separated by commas or spaces.
 */
export type KindFieldType = "text" | "url" | "number" | "select" | "checkbox" | "headers" | "list";

export type KindField = {
  /** The settings key; the form input is named "settings.<key>" so the verbs' field errors land beside it. */
  key: string;
  label: string;
  type: KindFieldType;
  hint?: string;
  placeholder?: string;
  required?: boolean;
  options?: readonly string[];
  /** The option a new monitor starts with, or whether its checkbox starts ticked. */
  default?: string | boolean;
};

/** What the staff form needs of a kind: plain data, so a server component can hand it to the browser. */
export type KindForm = { id: string; label: string; fields: readonly KindField[]; note?: string };

export type MonitorKindDescriptor<Id extends string = string, S = unknown> = {
  id: Id;
  /** What staff see: the kind picker, the monitor list, the settings legend. */
  label: string;
  settings: z.ZodType<S>;
  /** The settings' snake_case keys, for the admin API's documentation. */
  apiSettings: string;
  fields: readonly KindField[];
  /** Valid settings that use every field: the registry test round-trips them through the form. */
  example: S;
  /** A line under the fields on the staff form. */
  formNote?: string;
  /** Never throws: failures are results. Must connect through the target policy in ctx (see ../net/targets). */
  probe(settings: S, ctx: ProbeContext): Promise<ProbeResult>;
  /** The host checks connect to, for the target warning on save; null when they connect nowhere. */
  host(settings: S): string | null;
  /** Whether checks measure a response time worth charting on the public page. */
  measuresLatency: boolean;
  /** Whether the watched job calls a secret URL (a heartbeat) instead of being probed. */
  heartbeatUrl: boolean;
};

/** Keeps the kind's literal id and ties its schema, probe and host to one settings type. */
export function defineKind<const Id extends string, S>(
  kind: MonitorKindDescriptor<Id, S>,
): MonitorKindDescriptor<Id, S> {
  return kind;
}
