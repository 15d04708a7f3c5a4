// zod at the boundary: one way to turn a failed parse into an AppError with field messages.
import { z } from "zod";
import { AppError } from "./errors";

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return fieldErrors;
}

/** The problem a failed parse is named by; zod reports at least one. */
export function firstIssue(error: z.ZodError): z.ZodError["issues"][number] {
  const [issue] = error.issues;
  if (!issue) throw new Error("A failed parse reported no issue");
  return issue;
}

/** Parses input or throws AppError("validation") naming the first problem, with every field's messages. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const first = firstIssue(result.error);
  const where = first.path.length ? `${first.path.join(".")}: ` : "";
  throw new AppError("validation", `${where}${first.message}`, fieldErrorsOf(result.error));
}

export const email = z
  .string({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .max(254, "At most 254 characters")
  .pipe(z.email({ error: "Enter a valid email address" }));

export const password = z
  .string({ error: "Enter a password" })
  .min(12, "Use at least 12 characters")
  .max(200, "At most 200 characters");
