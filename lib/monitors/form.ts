// A staff form's flat strings to monitor input. Settings fields are named "settings.<key>", so
// the verbs' field errors ("settings.url") land beside the right input.
import type { KindFieldType } from "./kind";
import { findKind, type MonitorKind } from "./registry";
import type { MonitorInput, MonitorPatch } from "./schemas";

/** How the kind's field with this key is read and shown; keys a kind does not have read as text. */
function fieldType(kind: string, key: string): KindFieldType | undefined {
  return findKind(kind)?.fields.find((f) => f.key === key)?.type;
}

function headersOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (line.trim() === "") continue;
    if (i <= 0) out[line.trim()] = "";
    else out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

export function settingsFromForm(kind: MonitorKind, v: Record<string, string>): Record<string, unknown> {
  const s: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(v)) {
    if (!name.startsWith("settings.")) continue;
    const key = name.slice("settings.".length);
    const type = fieldType(kind, key);
    if (type === "headers") s[key] = headersOf(value);
    else if (type === "list") s[key] = value.split(/[\s,]+/).filter(Boolean);
    else if (type === "number") s[key] = value.trim() === "" ? undefined : value;
    else if (type === "checkbox") continue;
    else s[key] = value.trim() === "" ? null : value;
  }
  // Unchecked boxes are absent from the form: read them as false when the kind has them.
  for (const f of findKind(kind)?.fields ?? []) if (f.type === "checkbox") s[f.key] = v[`settings.${f.key}`] === "on";
  return s;
}

const num = (x: string | undefined) => (x === undefined || x.trim() === "" ? undefined : x);

export function monitorFromForm(v: Record<string, string>): MonitorInput {
  const kind = v.kind as MonitorKind;
  return {
    componentId: v.componentId ?? "",
    name: v.name ?? "",
    kind,
    settings: settingsFromForm(kind, v),
    intervalSeconds: num(v.intervalSeconds) as never,
    timeoutMs: num(v.timeoutMs) as never,
    latencyThresholdMs: (num(v.latencyThresholdMs) ?? null) as never,
    failThreshold: num(v.failThreshold) as never,
    recoverThreshold: num(v.recoverThreshold) as never,
    autoPublish: v.autoPublish === "on",
    // Only an admin's form carries the box (with its marker); an editor's leaves the flag as it is.
    internalTarget: v.internalTargetShown === "1" ? v.internalTarget === "on" : undefined,
    // Shown only when probe agents exist: ticked places ("location.<name>"), and the quorum.
    ...(v.locationsShown === "1"
      ? {
          locations: Object.keys(v)
            .filter((k) => k.startsWith("location.") && v[k] === "on")
            .map((k) => k.slice("location.".length)),
          quorum: (num(v.quorum) ?? null) as never,
        }
      : {}),
  };
}

export function patchFromForm(kind: MonitorKind, v: Record<string, string>): MonitorPatch {
  const { kind: _kind, ...rest } = monitorFromForm({ ...v, kind });
  void _kind;
  return rest;
}

/** A stored monitor as the form's strings (the edit form's starting values). */
export function valuesFromMonitor(
  m: {
    componentId: string;
    name: string;
    kind: MonitorKind;
    settings: unknown;
    intervalSeconds: number;
    timeoutMs: number;
    latencyThresholdMs: number | null;
    failThreshold: number;
    recoverThreshold: number;
    autoPublish: boolean;
    internalTarget: boolean;
    quorum?: number | null;
  },
  locations: readonly string[] = ["local"],
): Record<string, string> {
  const out: Record<string, string> = {
    componentId: m.componentId,
    name: m.name,
    kind: m.kind,
    intervalSeconds: String(m.intervalSeconds),
    timeoutMs: String(m.timeoutMs),
    latencyThresholdMs: m.latencyThresholdMs === null ? "" : String(m.latencyThresholdMs),
    failThreshold: String(m.failThreshold),
    recoverThreshold: String(m.recoverThreshold),
    autoPublish: m.autoPublish ? "on" : "",
    internalTarget: m.internalTarget ? "on" : "",
    quorum: m.quorum === null || m.quorum === undefined ? "" : String(m.quorum),
    ...Object.fromEntries(locations.map((l) => [`location.${l}`, "on"])),
  };
  for (const [key, value] of Object.entries(m.settings as Record<string, unknown>)) {
    const name = `settings.${key}`;
    const type = fieldType(m.kind, key);
    if (type === "headers")
      out[name] = Object.entries(value as Record<string, string>)
        .map(([k, v]) => `${k}: ${v}`)
        .join("\n");
    else if (type === "list") out[name] = (value as string[]).join(", ");
    else if (typeof value === "boolean") out[name] = value ? "on" : "";
    else out[name] = value === null || value === undefined ? "" : String(value);
  }
  return out;
}
