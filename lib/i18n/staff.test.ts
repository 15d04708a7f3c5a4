import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json" with { type: "json" };
import { staffParts, staffT, type StaffKey } from "./staff";

const catalogue: Record<string, string> = en;
const keys = Object.keys(catalogue).filter((key): key is StaffKey => key.startsWith("staff."));

describe("staffT", () => {
  it("formats a staff message with its values", () => {
    expect(staffT("staff.tokens.revokeConfirm", { name: "deploy script" })).toBe("Revoke “deploy script”?");
    expect(staffT("staff.incidents.startedAt", { zone: "Europe/Berlin" })).toBe("Started (Europe/Berlin)");
  });

  it("picks the plural form by the count", () => {
    expect(staffT("staff.components.groupMembers", { count: 1 })).toBe("Group · 1 component");
    expect(staffT("staff.components.groupMembers", { count: 3 })).toBe("Group · 3 components");
    expect(staffT("staff.account.twoFactorOn", { count: 1 })).toBe("On. 1 unused recovery code left.");
  });

  it("hands markup to the caller as parts", () => {
    const parts = staffParts<string>(
      "staff.settings.linkLabel",
      { n: "2" },
      { sr: (chunks) => `[${chunks.join("")}]` },
    );
    expect(parts.join("")).toBe("[Footer ]Link 2 label");
  });

  it("has staff. keys, and every one parses", () => {
    expect(keys.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const key of keys) {
      try {
        new IntlMessageFormat(catalogue[key]!, "en", undefined, { ignoreTag: false });
      } catch (err) {
        problems.push(`${key}: ${(err as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("shows a message without placeholders exactly as written (no ICU quoting swallowed a character)", () => {
    const plain = keys.filter((key) => parse(catalogue[key]!).every((el) => el.type === TYPE.literal));
    expect(plain.length).toBeGreaterThan(100);
    expect(plain.filter((key) => staffT(key) !== catalogue[key])).toEqual([]);
  });
});
