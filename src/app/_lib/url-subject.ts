import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

/**
 * Whether a failed query for the record a URL names means "no such record": NOT_FOUND (also what an
 * out-of-scope record answers), or input validation refusing the URL's id or code (too long, wrong shape).
 * Either way the visitor asked for something that does not exist, so both get the 404 page.
 */
export function isMissingSubject(error: unknown): boolean {
  if (!(error instanceof TRPCError)) return false;
  return error.code === "NOT_FOUND" || (error.code === "BAD_REQUEST" && error.cause instanceof ZodError);
}

/** The id or code in a URL segment, or null when its percent-encoding is broken (also "no such record"). */
export function decodeSubject(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
