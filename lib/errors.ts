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
