import type { TRPCClientErrorLike } from "@trpc/client";
import type { AppRouter } from "~/server/api/root";

/** Whether a failed mutation asks for the password and code again (receivership approvals, role changes). */
export function needsReauth(error: TRPCClientErrorLike<AppRouter> | null): boolean {
  return error?.data?.code === "PRECONDITION_FAILED" && /re-authentication/i.test(error.message);
}
