// Grafana's unified alerting webhook contact point. Its body is Alertmanager's with a few more
// fields (orgId, state, title, message; per alert the silence, dashboard and panel links and the
// query values), so each alert is read by the Alertmanager reader; only the link differs.
import { z } from "zod";
import type { AlertKindDescriptor } from "../kind";
import { alertmanagerAlert, readAlertmanagerShaped } from "./alertmanager";
import { firstHttpUrl } from "./common";
import { sharedSecret } from "./shared-secret";

const grafanaAlert = alertmanagerAlert.extend({
  silenceURL: z.unknown(),
  dashboardURL: z.unknown(),
  panelURL: z.unknown(),
});

export const grafana: AlertKindDescriptor<"grafana"> = {
  id: "grafana",
  label: "Grafana",
  // The panel shows the very query that fired; Grafana sends "" for links a rule does not have.
  parse: (body, receivedAt) =>
    readAlertmanagerShaped(body, receivedAt, grafanaAlert, (a) =>
      firstHttpUrl(a.panelURL, a.dashboardURL, a.generatorURL),
    ),
  signing: sharedSecret,
  commonLabels: ["alertname", "grafana_folder", "severity", "team", "instance", "__alert_rule_uid__"],
};
