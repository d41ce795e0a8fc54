import type { AuthOptions } from "next-auth";
import NextAuth from "next-auth";
import type { Role } from "~/generated/prisma/enums";
import { type AuthConfig, exposeOriginToNextAuth } from "~/server/auth/config";
import { createAuthOptions } from "~/server/auth/next-auth-options";
import { totpCodeAt } from "~/server/auth/totp";
import type { Db } from "~/server/db/client";
import { createUser } from "~/server/users/create-user";

/** Helpers shared by the auth*.test.ts files: users with known credentials, an injectable clock,
 * and next-auth's own request handler driven the way the route handler drives it. */
export const TEST_PASSWORD = "prueba larga y segura 2026";
export const HTTPS_CONFIG: AuthConfig = { secret: "s".repeat(48), url: "https://vigila.test", secureCookies: true };

export type TestUser = { id: number; email: string; password: string; secret: string };

let counter = 0;
export async function createTestUser(db: Db, role: Role = "IA_ANALYST", stateCode: string | null = null): Promise<TestUser> {
  const email = `user${++counter}.${process.pid}@example.mx`;
  const created = await createUser(db, null, { email, name: `Usuario ${counter}`, role, stateCode, password: TEST_PASSWORD });
  return { id: created.id, email, password: TEST_PASSWORD, secret: created.totpSecret };
}

export function credentialsAt(user: TestUser, now: Date) {
  return { email: user.email, password: user.password, totp: totpCodeAt(user.secret, now) };
}

export class Clock {
  constructor(public now: Date) {}
  advance(ms: number) {
    this.now = new Date(this.now.getTime() + ms);
    return this.now;
  }
}

export function nextAuthOptions(db: Db, clock: Clock, config: AuthConfig = HTTPS_CONFIG): AuthOptions {
  exposeOriginToNextAuth(config);
  return createAuthOptions({ db: async () => db, config, now: () => clock.now });
}

type AuthRequest = {
  method: "GET" | "POST";
  action: string;
  providerId?: string;
  body?: Record<string, string>;
  headers?: Record<string, string>;
};

export type AuthResponse = {
  status: number;
  headers: Record<string, string>;
  setCookies: string[];
  body: unknown;
  location: string | null;
};

/** A browser's cookie jar, fed from real Set-Cookie headers. */
export class Jar {
  readonly cookies = new Map<string, string>();
  header() {
    return [...this.cookies].map(([n, v]) => `${n}=${encodeURIComponent(v)}`).join("; ");
  }
  apply(setCookies: string[]) {
    for (const line of setCookies) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = decodeURIComponent(pair.slice(eq + 1));
      if (value === "" || /;\s*Max-Age=0(;|$)/i.test(line) || /Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/**
 * Drives next-auth's public handler (its Node API form: same core as the App Router route,
 * which needs Next's request context to run) and records the response as a browser sees it.
 */
export async function callNextAuth(options: AuthOptions, jar: Jar, req: AuthRequest): Promise<AuthResponse> {
  const out: AuthResponse = { status: 200, headers: {}, setCookies: [], body: undefined, location: null };
  const res = {
    status(code: number) {
      out.status = code;
      return res;
    },
    getHeader: (name: string) => (name.toLowerCase() === "set-cookie" ? out.setCookies : out.headers[name.toLowerCase()]),
    setHeader(name: string, value: string | string[]) {
      if (name.toLowerCase() === "set-cookie") out.setCookies = [...(value as string[])];
      else out.headers[name.toLowerCase()] = String(value);
      if (name.toLowerCase() === "location") out.location = String(value);
      return res;
    },
    json(body: unknown) {
      out.body = body;
      return res;
    },
    send(body: unknown) {
      out.body = body;
      return res;
    },
    end: () => res,
  };
  const nextauth = req.providerId ? [req.action, req.providerId] : [req.action];
  const request = {
    method: req.method,
    query: { nextauth },
    body: req.body ?? {},
    cookies: Object.fromEntries(jar.cookies),
    headers: { host: "vigila.test", ...req.headers },
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, options: AuthOptions) => Promise<unknown>)(request, res, options);
  jar.apply(out.setCookies);
  return out;
}

/** GET /api/auth/csrf then POST /api/auth/callback/credentials, as a script would. */
export async function signInThroughNextAuth(options: AuthOptions, fields: Record<string, string>, ip = "203.0.113.7", jar = new Jar()) {
  const csrf = await callNextAuth(options, jar, { method: "GET", action: "csrf" });
  const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
  const res = await callNextAuth(options, jar, {
    method: "POST",
    action: "callback",
    providerId: "credentials",
    body: { csrfToken, ...fields, json: "true" },
    headers: { "x-forwarded-for": ip, "user-agent": "vitest" },
  });
  return { res, csrfResponse: csrf, jar, csrfToken };
}
