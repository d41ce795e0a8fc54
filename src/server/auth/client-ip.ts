import { env } from "../../env";
import type { RequestOrigin } from "../audit/actor";

/**
 * The caller's address for throttling and the audit trail, by one rule everywhere. Each reverse proxy
 * in front of Vigila appends the address it received the request from to `X-Forwarded-For` (and
 * `next start` fills the header with the socket address when nothing did), so with `TRUSTED_PROXY_HOPS`
 * proxies of our own the entry that many places from the end is the last one a client could not
 * choose; everything before it is whatever the client sent. Default 1: one proxy, the last entry.
 */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : (value ?? null);
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when env validation is skipped (build tooling)
export function clientIp(headers: HeaderSource, trustedHops: number = env.TRUSTED_PROXY_HOPS ?? 1): string | null {
  const hops = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // Fewer entries than trusted proxies: every entry was written by one of them, the first is the client.
  if (hops.length > 0) return hops[Math.max(0, hops.length - trustedHops)]!;
  return header(headers, "x-real-ip")?.trim() || null;
}

/** The request's origin as the audit trail records it: the trusted client address and the user agent. */
export function requestOrigin(headers: HeaderSource): RequestOrigin {
  return { ip: clientIp(headers), userAgent: userAgent(headers) };
}

export function userAgent(headers: HeaderSource): string | null {
  return header(headers, "user-agent")?.slice(0, 512) ?? null;
}
