// Outgoing mail through SMTP_URL (nodemailer). Staff reminders use it now; subscriptions later.
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "./config";

export type Mail = {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

let transport: Transporter | undefined;
let transportUrl: string | undefined;

function transporter(url: string): Transporter {
  if (!transport || transportUrl !== url) {
    // A small pool: reminders and notifications come in bursts.
    transport = nodemailer.createTransport(url, { pool: true, maxConnections: 2 } as never);
    transportUrl = url;
  }
  return transport;
}

export function mailConfigured(): boolean {
  return config().mail !== null;
}

/** Sends one message; throws on failure so the caller can retry. Returns the server's message id. */
export async function sendMail(mail: Mail): Promise<string> {
  const cfg = config().mail;
  if (!cfg) throw new Error("SMTP_URL is not set");
  const info = await transporter(cfg.url).sendMail({ from: cfg.from, ...mail });
  return info.messageId;
}
