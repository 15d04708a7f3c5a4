import { describe, expect, it } from "vitest";
import { formatMatchers, MatcherError, matches, parseMatchers, suggestMatchers } from "./matchers";

const labels = { service: "payments", severity: "critical", alertname: "HighErrorRate" };

describe("matchers", () => {
  it("reads Alertmanager's forms, quoted or not, with or without braces", () => {
    expect(parseMatchers('service="payments", severity=~"crit.*"')).toEqual([
      { name: "service", op: "=", value: "payments" },
      { name: "severity", op: "=~", value: "crit.*" },
    ]);
    expect(parseMatchers("{service!=search,env!~stag.*}")).toEqual([
      { name: "service", op: "!=", value: "search" },
      { name: "env", op: "!~", value: "stag.*" },
    ]);
    expect(parseMatchers('  summary="say \\"hi\\""')).toEqual([{ name: "summary", op: "=", value: 'say "hi"' }]);
    expect(parseMatchers("")).toEqual([]);
  });

  it("writes them back canonically", () => {
    expect(formatMatchers(parseMatchers("{service=payments ,severity=~crit.*}"))).toBe(
      'service="payments", severity=~"crit.*"',
    );
  });

  it("matches like Alertmanager: anchored expressions, a missing label is empty", () => {
    expect(matches(parseMatchers('service="payments", severity=~"crit.*"'), labels)).toBe(true);
    expect(matches(parseMatchers('severity=~"crit"'), labels)).toBe(false); // anchored
    expect(matches(parseMatchers('team=""'), labels)).toBe(true);
    expect(matches(parseMatchers('team!=""'), labels)).toBe(false);
    expect(matches(parseMatchers('service!~"pay.*"'), labels)).toBe(false);
    expect(matches([], labels)).toBe(true);
  });

  it("says clearly what is wrong", () => {
    expect(() => parseMatchers('service="payments')).toThrow(
      new MatcherError('The value of "service" has no closing quote'),
    );
    expect(() => parseMatchers("service")).toThrow(MatcherError);
    expect(() => parseMatchers('severity=~"(crit"')).toThrow(
      '"(crit" is not a valid regular expression (for severity)',
    );
    expect(() => parseMatchers('a="1" b="2"')).toThrow("Expected a comma at character 7");
    expect(() => parseMatchers("=x")).toThrow("Expected a label name at character 1");
  });

  it("suggests a rule from an alert's most telling labels", () => {
    expect(suggestMatchers(labels)).toBe('service="payments", alertname="HighErrorRate"');
    expect(suggestMatchers({ zone: "b", cluster: "a" })).toBe('cluster="a", zone="b"');
  });
});
