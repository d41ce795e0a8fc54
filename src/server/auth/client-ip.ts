/**
 * The caller's address for throttling and the audit trail. Vigila runs behind one reverse proxy
 * that appends the peer address to `X-Forwarded-For` (and `next start` fills the header with the
 * socket address when nothing did), so the last entry is the one a client cannot forge; earlier
 * entries are whatever the client sent.
 */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : (value ?? null);
}

export function clientIp(headers: HeaderSource): string | null {
  const forwarded = header(headers, "x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return last ?? header(headers, "x-real-ip")?.trim() ?? null;
}

export function userAgent(headers: HeaderSource): string | null {
  return header(headers, "user-agent")?.slice(0, 512) ?? null;
}
