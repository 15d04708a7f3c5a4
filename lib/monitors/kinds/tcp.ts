// TCP connect: the port accepts a connection within the timeout.
import { z } from "zod";
import { defineKind } from "../kind";
import { probeTcp } from "../probes/tcp";
import { hostname, port } from "./common";

const settings = z.object({ host: hostname, port });
export type TcpSettings = z.output<typeof settings>;

export const tcp = defineKind({
  id: "tcp",
  label: "TCP connect",
  settings,
  apiSettings: "host, port",
  example: { host: "db.example.com", port: 5432 },
  fields: [
    { key: "host", label: "Host", type: "text", required: true, placeholder: "db.example.com" },
    { key: "port", label: "Port", type: "number", required: true, placeholder: "5432" },
  ],
  probe: probeTcp,
  host: (s) => s.host,
  measuresLatency: true,
  heartbeatUrl: false,
});
