export function writeEdgeNginxConfig(opts: {
  root: string;
  prefix: string;
  port: number;
  outpostPort: number;
  edgeDir: string;
  workers?: number | "auto";
  perClientCap?: boolean;
}): string;
