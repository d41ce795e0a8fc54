/**
 * Application errors with a stable code. Services throw these; the tRPC layer and the CLI map
 * them to a status in one place. NOT_FOUND is also what an out-of-scope record answers.
 */
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "BAD_REQUEST" | "UNAUTHORIZED" | "PRECONDITION_FAILED";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
export const staleVersion = (what: string) =>
  new AppError("CONFLICT", `${what} was changed by someone else since you loaded it; reload and try again`);
