import { describe, expect, it } from "vitest";
import { FormError, keyPath, parseBracketForm } from "./form";

/** Plain objects, so toEqual compares content (the parser builds prototype-less ones). */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe("parseBracketForm", () => {
  it("nests bracketed names into the object a JSON body would be", () => {
    const body = parseBracketForm(
      "incident[name]=API+errors&incident[status]=investigating&incident[components][abc123]=major_outage&incident[deliver_notifications]=true&incident[metadata][jira][issue]=OPS-1",
    );
    expect(plain(body)).toEqual({
      incident: {
        name: "API errors",
        status: "investigating",
        components: { abc123: "major_outage" },
        deliver_notifications: "true",
        metadata: { jira: { issue: "OPS-1" } },
      },
    });
  });

  it("collects repeated [] names into a list, in order; x[]= alone is an empty list", () => {
    expect(plain(parseBracketForm("incident[component_ids][]=a&incident[name]=x&incident[component_ids][]=b"))).toEqual(
      {
        incident: { component_ids: ["a", "b"], name: "x" },
      },
    );
    expect(plain(parseBracketForm("component_group[components][]="))).toEqual({ component_group: { components: [] } });
  });

  it("decodes percent-encoding and + in names and values", () => {
    expect(plain(parseBracketForm("incident%5Bname%5D=caf%C3%A9+down%26out"))).toEqual({
      incident: { name: "café down&out" },
    });
  });

  it("keeps every value a string: types are the schema's to decide", () => {
    expect(plain(parseBracketForm("monitor[interval_seconds]=30&monitor[paused]=false"))).toEqual({
      monitor: { interval_seconds: "30", paused: "false" },
    });
  });

  it("refuses a name given twice without [], or used as a value, a group and a list at once", () => {
    for (const text of [
      "incident[name]=a&incident[name]=b",
      "incident=x&incident[name]=y",
      "incident[name]=y&incident=x",
      "incident[ids][]=a&incident[ids][x]=b",
      "incident[ids][x]=b&incident[ids][]=a",
      "incident[ids]=a&incident[ids][]=b",
    ])
      expect(() => parseBracketForm(text), text).toThrow(FormError);
    expect(() => parseBracketForm("incident[name]=a&incident[name]=b")).toThrow(/more than once; end its name in \[\]/);
  });

  it("refuses malformed brackets with a FormError naming the field", () => {
    for (const key of [
      "incident[name",
      "incident]name[",
      "incident[na]me]",
      "[name]",
      "incident[a][b",
      "incident[]]",
      "=x",
    ])
      expect(() => parseBracketForm(`${encodeURIComponent(key).replace(/%3D/, "=")}=1`), key).toThrow(FormError);
    expect(() => parseBracketForm("incident[name=1")).toThrow(
      /"incident\[name" is not a name with \[bracketed\] parts/,
    );
    // A list of groups (Rails' a[][b]) is not something any Statuspage body needs.
    expect(() => parseBracketForm("incident[updates][][body]=x")).toThrow(/\[\] before its end/);
    expect(() => parseBracketForm(`a${"[b]".repeat(10)}=1`)).toThrow(/nested too deeply/);
  });

  it("never reaches Object.prototype: __proto__, constructor and prototype are refused", () => {
    for (const text of [
      "__proto__[polluted]=1",
      "incident[__proto__][polluted]=1",
      "incident[constructor][prototype][polluted]=1",
      "constructor=1",
      "incident[prototype]=1",
      "%5F%5Fproto%5F%5F[polluted]=1",
    ])
      expect(() => parseBracketForm(text), text).toThrow(/reserved name/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Names that are Object.prototype's own methods are ordinary keys in a prototype-less object.
    const body = parseBracketForm("incident[toString]=x&incident[hasOwnProperty]=y");
    expect(Object.getPrototypeOf(body)).toBeNull();
    expect(plain(body)).toEqual({ incident: { toString: "x", hasOwnProperty: "y" } });
  });

  it("reads an empty body as no fields", () => {
    expect(plain(parseBracketForm(""))).toEqual({});
  });
});

describe("keyPath", () => {
  it("splits a name into its segments, [] as an empty one", () => {
    expect(keyPath("incident")).toEqual(["incident"]);
    expect(keyPath("incident[components][abc]")).toEqual(["incident", "components", "abc"]);
    expect(keyPath("incident[component_ids][]")).toEqual(["incident", "component_ids", ""]);
  });
});
