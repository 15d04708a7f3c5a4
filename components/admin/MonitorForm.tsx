"use client";
// Create or edit a monitor. The kind decides which settings appear; names follow the verbs'
// field paths ("settings.url"), so refusals show beside the right input.
import { useActionState, useState } from "react";
import { createMonitorAction, updateMonitorAction } from "@/app/(admin)/admin/monitors/actions";
import { INITIAL_ACTION_STATE } from "@/lib/action-state";
import { DNS_RECORD_TYPES, HTTP_METHODS, MONITOR_KIND_LABELS, MONITOR_KINDS, type MonitorKind } from "@/lib/monitors/kinds";
import { Button } from "@/components/ui/Button";
import { Checkbox, Select, TextArea, TextField } from "@/components/ui/Field";
import { FormStatus } from "@/components/auth/FormStatus";

type Props = { components: { id: string; name: string }[]; monitorId?: string; initial?: Record<string, string>; canSetInternal?: boolean };

export function MonitorForm({ components, monitorId, initial = {}, canSetInternal = false }: Props) {
  const editing = monitorId !== undefined;
  const [state, action, pending] = useActionState(editing ? updateMonitorAction : createMonitorAction, INITIAL_ACTION_STATE);
  const v = { ...initial, ...(state.values ?? {}) };
  const [kind, setKind] = useState<MonitorKind>((v.kind as MonitorKind) || "http");
  const err = (name: string) => state.fieldErrors?.[name];
  const text = (name: string, label: string, extra: Record<string, unknown> = {}) => (
    <TextField key={`${kind}-${name}`} label={label} name={name} defaultValue={v[name] ?? ""} error={err(name)} {...extra} />
  );
  return (
    // Keyed by the last answer: React resets a form after its action, and a remount makes the
    // reset land on what was submitted (state.values) rather than on the first render's values.
    <form key={JSON.stringify(state.values ?? {}) + (state.message ?? "")} action={action} className="space-y-4 rounded-lg border border-gray-200 p-4 dark:border-gray-800" aria-labelledby="monitor-form">
      <h2 id="monitor-form" className="font-semibold">{editing ? "Edit monitor" : "Add a monitor"}</h2>
      <FormStatus state={state} />
      {editing ? <input type="hidden" name="id" value={monitorId} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("name", "Name", { required: true, hint: "What it checks, e.g. “API health endpoint”." })}
        <Select label="Component" name="componentId" defaultValue={v.componentId} error={err("componentId")} options={components.map((c) => ({ value: c.id, label: c.name }))} />
        {editing ? (
          <p className="text-sm">
            <span className="block font-medium">Kind</span> {MONITOR_KIND_LABELS[kind]}
          </p>
        ) : (
          <Select label="Kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value as MonitorKind)} error={err("kind")} options={MONITOR_KINDS.map((k) => ({ value: k, label: MONITOR_KIND_LABELS[k] }))} />
        )}
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">{MONITOR_KIND_LABELS[kind]} settings</legend>
        {kind === "http" ? (
          <>
            {text("settings.url", "URL", { required: true, type: "url", placeholder: "https://api.example.com/health" })}
            <Select key="m" label="Method" name="settings.method" defaultValue={v["settings.method"] ?? "GET"} error={err("settings.method")} options={HTTP_METHODS.map((m) => ({ value: m, label: m }))} />
            {text("settings.statusMin", "Lowest accepted status", { inputMode: "numeric", placeholder: "200" })}
            {text("settings.statusMax", "Highest accepted status", { inputMode: "numeric", placeholder: "299" })}
            {text("settings.keyword", "Body must contain (optional)")}
            <TextArea key="h" label="Request headers (optional)" name="settings.headers" rows={2} defaultValue={v["settings.headers"] ?? ""} error={err("settings.headers")} hint="One per line: Name: value" />
            <Checkbox key="f" label="Follow redirects" name="settings.followRedirects" defaultChecked={editing ? v["settings.followRedirects"] === "on" : true} error={err("settings.followRedirects")} />
          </>
        ) : null}
        {kind === "tcp" || kind === "tls" ? (
          <>
            {text("settings.host", "Host", { required: true, placeholder: "db.example.com" })}
            {text("settings.port", "Port", { inputMode: "numeric", required: kind === "tcp", placeholder: kind === "tls" ? "443" : "5432" })}
          </>
        ) : null}
        {kind === "tls" ? (
          <>
            {text("settings.warnDays", "Warn this many days before expiry", { inputMode: "numeric", placeholder: "14" })}
            <Checkbox key="u" label="Accept an untrusted (self-signed) certificate" name="settings.allowUntrusted" defaultChecked={v["settings.allowUntrusted"] === "on"} />
          </>
        ) : null}
        {kind === "dns" ? (
          <>
            {text("settings.name", "Name to resolve", { required: true, placeholder: "api.example.com" })}
            <Select key="r" label="Record type" name="settings.recordType" defaultValue={v["settings.recordType"] ?? "A"} options={DNS_RECORD_TYPES.map((t) => ({ value: t, label: t }))} />
            {text("settings.expected", "Expected records (optional)", { hint: "Separated by commas; every one must be in the answer." })}
            {text("settings.server", "Resolver (optional)", { hint: "An IP address with an optional :port; the server's own resolver otherwise." })}
          </>
        ) : null}
        {kind === "heartbeat" ? (
          <>
            {text("settings.periodSeconds", "Expected every (seconds)", { required: true, inputMode: "numeric", placeholder: "3600" })}
            {text("settings.graceSeconds", "Grace (seconds)", { inputMode: "numeric", placeholder: "60" })}
            <p className="text-xs text-gray-600 sm:col-span-2 dark:text-gray-400">The secret URL to call appears on the monitor&apos;s page once it is created.</p>
          </>
        ) : null}
        {kind === "upstream" ? (
          <>
            {text("settings.url", "Status page URL", { required: true, type: "url", placeholder: "https://status.provider.com" })}
            {text("settings.component", "Component (id or name)", { required: true })}
          </>
        ) : null}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">Timing and thresholds</legend>
        {text("intervalSeconds", "Interval (seconds)", { inputMode: "numeric", placeholder: "60", hint: "At least 15." })}
        {text("timeoutMs", "Timeout (ms)", { inputMode: "numeric", placeholder: "10000" })}
        {text("latencyThresholdMs", "Slow above (ms, optional)", { inputMode: "numeric" })}
        {text("failThreshold", "Failures before down", { inputMode: "numeric", placeholder: "2" })}
        {text("recoverThreshold", "Successes before up", { inputMode: "numeric", placeholder: "2" })}
      </fieldset>
      <Checkbox label="Publish the incident automatically when this monitor takes its component down" name="autoPublish" defaultChecked={v.autoPublish === "on"} />
      {canSetInternal ? (
        <>
          <input type="hidden" name="internalTargetShown" value="1" />
          <Checkbox
            label="Internal target: may reach loopback and private addresses"
            name="internalTarget"
            defaultChecked={v.internalTarget === "on"}
            error={err("internalTarget")}
            hint="Admins only. Without it (and without OUTPOST_ALLOW_PRIVATE_TARGETS=1) checks refuse addresses inside your network; cloud metadata addresses stay refused either way."
          />
        </>
      ) : v.internalTarget === "on" ? (
        <p className="text-sm" data-testid="internal-target-note">
          Internal target: this monitor may reach private addresses (set by an admin; only an admin can change its target).
        </p>
      ) : null}
      <Button disabled={pending}>{editing ? "Save monitor" : "Add monitor"}</Button>
    </form>
  );
}
