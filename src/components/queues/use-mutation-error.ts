import type { TRPCClientErrorLike } from "@trpc/client";
import type { AppRouter } from "~/server/api/root";

/** Whether a failed mutation asks for the password and code again (receivership approvals, role changes). */
export function needsReauth(error: TRPCClientErrorLike<AppRouter> | null): boolean {
  // The English original: the message itself is in the user's language.
  return error?.data?.code === "PRECONDITION_FAILED" && /re-authentication/i.test(error.data.englishMessage);
}
