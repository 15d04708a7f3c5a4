import { describe, expect, it } from "vitest";
import { browserProbeOrigin, browserProbeUrlProblem } from "./probe-url";

describe("[security] browser-probe URLs", () => {
  it("refuse anything that could add a CSP directive or is not a plain https URL", () => {
    for (const bad of [
      "https://probe.example;sandbox;x/",
      "https://probe.example/;sandbox",
      "https://probe.example,evil.test/",
      "https://probe.example 'unsafe-inline'/",
      "https://probe.example'/",
      'https://probe.example"/',
      "https://pro_be.example/",
      "https://-probe.example/",
      "http://probe.example/",
      "javascript:alert(1)",
      "https://user:pw@probe.example/",
      "ftp://probe.example/",
    ]) {
      expect(browserProbeUrlProblem(bad), bad).not.toBeNull();
      expect(browserProbeOrigin(bad), bad).toBeNull();
    }
  });

  it("keep real URLs whole and give their origin", () => {
    expect(browserProbeUrlProblem("https://api.example.com/health?x=1#y")).toBeNull();
    expect(browserProbeOrigin("https://api.example.com:8443/ping.gif")).toBe("https://api.example.com:8443");
    expect(browserProbeOrigin("https://[2001:db8::1]/ping")).toBe("https://[2001:db8::1]");
    expect(browserProbeOrigin("http://127.0.0.1:9000/ping")).toBe("http://127.0.0.1:9000");
    expect(browserProbeOrigin("http://localhost:9000/ping")).toBe("http://localhost:9000");
  });
});
