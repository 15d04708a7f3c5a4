// HTTP(S): the URL answers with an accepted status (and, optionally, a keyword in the body).
import { z } from "zod";
import { defineKind } from "../kind";
import { probeHttp } from "../probes/http";
import { httpUrl, urlHost } from "./common";

export const HTTP_METHODS = ["GET", "HEAD", "POST"] as const;

const statusCode = z.coerce
  .number({ error: "Enter a status code" })
  .int("A whole number")
  .min(100, "Status codes run from 100 to 599")
  .max(599, "Status codes run from 100 to 599");

const settings = z
  .object({
    method: z.enum(HTTP_METHODS, { error: `Use one of: ${HTTP_METHODS.join(", ")}` }).default("GET"),
    url: httpUrl("URL to check"),
    headers: z
      .record(
        z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "Header names are letters, digits and hyphens"),
        z
          .string()
          .max(2000)
          .refine((v) => !/[\r\n]/.test(v), "A header value is one line"),
      )
      .default({}),
    /** Inclusive range of accepted status codes. */
    statusMin: statusCode.default(200),
    statusMax: statusCode.default(299),
    keyword: z
      .string()
      .trim()
      .max(200, "At most 200 characters")
      .nullable()
      .default(null)
      .transform((k) => k || null),
    followRedirects: z.boolean().default(true),
  })
  .refine((s) => s.statusMax >= s.statusMin, {
    message: "The highest accepted status must not be below the lowest",
    path: ["statusMax"],
  });
export type HttpSettings = z.output<typeof settings>;

export const http = defineKind({
  id: "http",
  label: "HTTP(S)",
  settings,
  apiSettings: "url, method, headers, status_min, status_max, keyword, follow_redirects",
  example: {
    url: "https://api.example.com/health",
    method: "HEAD",
    headers: { "x-a": "1" },
    statusMin: 200,
    statusMax: 204,
    keyword: "ok",
    followRedirects: false,
  },
  fields: [
    { key: "url", label: "URL", type: "url", required: true, placeholder: "https://api.example.com/health" },
    { key: "method", label: "Method", type: "select", options: HTTP_METHODS, default: "GET" },
    { key: "statusMin", label: "Lowest accepted status", type: "number", placeholder: "200" },
    { key: "statusMax", label: "Highest accepted status", type: "number", placeholder: "299" },
    { key: "keyword", label: "Body must contain (optional)", type: "text" },
    { key: "headers", label: "Request headers (optional)", type: "headers", hint: "One per line: Name: value" },
    { key: "followRedirects", label: "Follow redirects", type: "checkbox", default: true },
  ],
  probe: probeHttp,
  host: (s) => urlHost(s.url),
  measuresLatency: true,
  heartbeatUrl: false,
});
