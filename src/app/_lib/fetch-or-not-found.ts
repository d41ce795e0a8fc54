import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { decodeSubject, isMissingSubject } from "./url-subject";

/**
 * Awaits a server-side query for a page whose subject comes from the URL. NOT_FOUND (which is also
 * what an out-of-scope record answers) and a malformed id become the 404 page, so all look exactly alike.
 */
export async function fetchOrNotFound<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (isMissingSubject(error)) notFound();
    // A session that ended between the auth check and this query: sign in again.
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect("/login");
    throw error;
  }
}

/** The URL segment decoded, or the 404 page when its percent-encoding is broken. */
export function subjectOrNotFound(segment: string): string {
  return decodeSubject(segment) ?? notFound();
}
