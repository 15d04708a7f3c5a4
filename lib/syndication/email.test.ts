// Hostile staff text in subscriber mail: escaped in the HTML part, no header injection.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../markdown";
import type { Job } from "./channel";
import { updateMail } from "./email";
import { LIMITS } from "./networks";
import { fitPost } from "./text";

const name = `Outage <script>alert(1)</script> "x" onerror=1\r\nBcc: victim@example.com`;
const body = `<img src=x onerror="alert(2)"> [click](javascript:alert(3)) **bold**`;

function job(): Job {
  return {
    delivery: { id: "del123" },
    incident: { name, url: "https://status.example/incidents/abc" },
    update: { id: "upd1", status: "investigating", body, bodyHtml: renderMarkdown(body) },
    url: "https://status.example/incidents/abc?d=del123",
    marker: "d=del123",
    parent: null,
    subscriber: { address: "reader@example.com", token: "tok" },
    page: { id: "p", name: "Acme", url: "https://status.example", indicator: "minor", description: "Minor" },
    components: new Map(),
  } as unknown as Job;
}

describe("hostile text in notifications", () => {
  it("mail: the HTML part carries it as text, the subject has no line break", () => {
    const mail = updateMail(job());
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toMatch(/href="javascript:/i);
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain("Details: https://status.example/incidents/abc");
  });

  it("posts: plain text that fits, whatever the markup or length", () => {
    for (const network of ["x", "mastodon", "bluesky"] as const) {
      const text = fitPost(
        {
          incidentName: name,
          status: "investigating",
          body: `${body} ${"word ".repeat(2_000)}`,
          url: "https://status.example/incidents/abc?d=del123",
        },
        LIMITS[network],
      );
      expect(text).toContain("https://status.example/incidents/abc?d=del123");
      expect(text.length).toBeLessThan(1_000);
    }
  });
});
