import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";

/**
 * Awaits a server-side query for a page whose subject comes from the URL. NOT_FOUND (which is also
 * what an out-of-scope record answers) becomes the 404 page, so both look exactly alike.
 */
export async function fetchOrNotFound<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    // A session that ended between the auth check and this query: sign in again.
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect("/login");
    throw error;
  }
}
