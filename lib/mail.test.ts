import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtp, type StandInSmtp } from "../e2e/support/smtp";

let smtp: StandInSmtp;

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Status <status@example.com>";
});
afterAll(() => smtp.close());

describe("sendMail", () => {
  it("delivers to a real SMTP server with the configured sender", async () => {
    const { sendMail, mailConfigured } = await import("./mail");
    expect(mailConfigured()).toBe(true);
    await sendMail({
      to: "ops@example.com",
      subject: "Update overdue: API errors",
      text: "The next update was due at 14:30 UTC. Über-long line ".repeat(3),
    });
    const mail = await smtp.waitFor((m) => m.subject === "Update overdue: API errors");
    expect(mail.from).toBe("status@example.com");
    expect(mail.to).toEqual(["ops@example.com"]);
    expect(mail.text).toContain("Über-long line");
  });
});
