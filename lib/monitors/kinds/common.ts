// Settings parts several kinds share, with messages that say what to fix.
import net from "node:net";
import { z } from "zod";

export const hostname = z
  .string({ error: "Enter a host name or address" })
  .trim()
  .min(1, "Enter a host name or address")
  .max(253, "At most 253 characters")
  .refine(
    (h) =>
      net.isIP(h) !== 0 ||
      /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9-_]{0,61}[a-z0-9])?)(\.[a-z0-9_](?:[a-z0-9-_]{0,61}[a-z0-9])?)*\.?$/i.test(h),
    "Enter a host name such as api.example.com or an IP address",
  );

export const port = z.coerce
  .number({ error: "Enter a port number" })
  .int("A port is a whole number")
  .min(1, "A port is between 1 and 65535")
  .max(65535, "A port is between 1 and 65535");

export const httpUrl = (what: string) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(2000, "At most 2,000 characters")
    .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), "Use an http:// or https:// URL");

/** A URL's host as the resolver wants it (IPv6 literals without brackets). */
export const urlHost = (url: string) => new URL(url).hostname.replace(/^\[(.*)\]$/, "$1");
