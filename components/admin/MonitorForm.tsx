// Create or edit a monitor. The kinds' fields come from the registry here, on the server (the
// kinds' probes never reach the browser); the editor shows the chosen kind's fields.
import { kindForms } from "@/lib/monitors/registry";
import { MonitorEditor, type MonitorEditorProps } from "./MonitorEditor";

export function MonitorForm(props: Omit<MonitorEditorProps, "kinds">) {
  return <MonitorEditor kinds={kindForms()} {...props} />;
}
