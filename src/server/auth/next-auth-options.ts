import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Db } from "../db/client";
import { log } from "../log";
import { clientIp, userAgent } from "./client-ip";
import { type AuthConfig, cookieNames } from "./config";
import { ABSOLUTE_TIMEOUT_MS, logout } from "./sessions";
import { signIn } from "./sign-in";

export type AuthDeps = { db: () => Promise<Db>; config: AuthConfig; now?: () => Date };

function field(body: Record<string, unknown> | undefined, name: string): string {
  const value = body?.[name];
  return typeof value === "string" ? value : "";
}

/**
 * next-auth 4 with one credentials provider: `GET /api/auth/csrf`, then
 * `POST /api/auth/callback/credentials` with `csrfToken`, `email`, `password`, `totp` (form or
 * JSON). The JWT in the session cookie holds only the user id and the server-side session id;
 * `resolveRequestScope` checks that session on every request.
 */
export function createAuthOptions({ db, config, now = () => new Date() }: AuthDeps): AuthOptions {
  const names = cookieNames(config.secureCookies);
  const cookie = (name: string) => ({
    name,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: config.secureCookies },
  });
  return {
    secret: config.secret,
    useSecureCookies: config.secureCookies,
    session: { strategy: "jwt", maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
    jwt: { maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
    cookies: {
      sessionToken: cookie(names.session),
      csrfToken: cookie(names.csrf),
      callbackUrl: cookie(names.callbackUrl),
    },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Vigila",
        credentials: { email: { type: "email" }, password: { type: "password" }, totp: { type: "text" } },
        async authorize(credentials, req) {
          const headers = (req.headers ?? {}) as Record<string, string>;
          const body = credentials as Record<string, unknown> | undefined;
          // Missing fields are sent on as empty strings: they fail like any wrong password, and count.
          const result = await signIn(
            await db(),
            { email: field(body, "email"), password: field(body, "password"), totp: field(body, "totp") },
            { ip: clientIp(headers), userAgent: userAgent(headers) },
            now(),
          );
          return result.ok ? { id: String(result.userId), sessionId: result.sessionId } : null;
        },
      }),
    ],
    callbacks: {
      // Nothing personal in the cookie: who the user is and what they may do is read per request.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- next-auth passes user only at sign-in, though its types say always
      jwt: ({ token, user }) => (user ? { sub: user.id, sid: (user as { sessionId?: string }).sessionId } : token),
      session: ({ session }) => ({ expires: session.expires }),
    },
    events: {
      signOut: async ({ token }) => {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- next-auth calls signOut without a token when the cookie is gone
        if (typeof token?.sid === "string") await logout(await db(), token.sid, now());
      },
    },
    logger: {
      error: (code, metadata) => log.error(`next-auth: ${code}`, { detail: metadata instanceof Error ? metadata.message : metadata }),
      warn: (code) => log.warn(`next-auth: ${code}`),
      debug: () => undefined,
    },
  };
}
