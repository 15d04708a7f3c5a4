export type AppErrorCode = "not_found" | "forbidden" | "validation" | "conflict" | "unavailable";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  validation: 422,
  conflict: 409,
  unavailable: 503,
};

/**
 * A storage failure (disk full, read-only file system, I/O error, busy) as the clear message a
 * person can act on; null for anything else. SQLite rolls the transaction back, so nothing was
 * half-written.
 */
export function storageError(err: unknown): AppError | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== "string" || !code.startsWith("SQLITE_")) return null;
  if (code === "SQLITE_BUSY")
    return new AppError("unavailable", "The database is busy; nothing was changed. Retry in a moment.");
  if (code === "SQLITE_FULL")
    return new AppError(
      "unavailable",
      "The server's disk is full, so nothing was saved. The public page keeps showing the last state; free some space and try again.",
    );
  if (code === "SQLITE_READONLY" || code.startsWith("SQLITE_IOERR") || code === "SQLITE_CANTOPEN") {
    return new AppError(
      "unavailable",
      "The database cannot be written right now, so nothing was saved. The public page keeps showing the last state; try again shortly.",
    );
  }
  return null;
}
