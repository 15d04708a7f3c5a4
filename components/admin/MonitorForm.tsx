// Create or edit a monitor. The kinds' fields come from the registry here, on the server (the
// kinds' probes never reach the browser); the editor shows the chosen kind's fields, and the
// places it can be checked from (this server and each probe agent).
import { monitorPlacesView } from "@/lib/views/probe-agents";
import { kindForms } from "@/lib/monitors/registry";
import { MonitorEditor, type MonitorEditorProps } from "./MonitorEditor";

export function MonitorForm(props: Omit<MonitorEditorProps, "kinds" | "places">) {
  return <MonitorEditor kinds={kindForms()} places={monitorPlacesView()} {...props} />;
}
