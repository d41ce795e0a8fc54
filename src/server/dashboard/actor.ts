import type { RequestOrigin } from "../audit/actor";

/** The client's address and agent as the audit log records them, for routes outside tRPC (its context has `meta`). */
export function requestMeta(headers: Headers): RequestOrigin {
  return { ip: headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? headers.get("x-real-ip"), userAgent: headers.get("user-agent") };
}
