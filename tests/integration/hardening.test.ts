import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import { type GuardOptions, guardRequest, guardTrpcRequest, safeNextPath } from "~/server/auth/request-guard";
import { sessionIdFromHeaders } from "~/server/auth/request-scope";
import { resolveSession } from "~/server/auth/sessions";
import { useTestDatabase } from "../support/database";
import { Clock, createTestUser, credentialsAt, HTTPS_CONFIG, nextAuthOptions, signInThroughNextAuth } from "./auth-support";

const test = useTestDatabase();
const SITE = "https://vigila.test";

function options(overrides: Partial<GuardOptions> = {}): GuardOptions {
  return {
    resolveScope: async (headers) => {
      const sid = await sessionIdFromHeaders(headers, HTTPS_CONFIG);
      return sid ? resolveSession(test.current.db, sid) : null;
    },
    publicOrigin: null,
    dev: false,
    ...overrides,
  };
}
function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new NextRequest(`${SITE}${path}`, {
    method: init.method ?? "GET",
    headers: { host: "vigila.test", ...init.headers },
    body: init.body,
  });
}
const passedThrough = (res: Response) => res.headers.get("x-middleware-next") === "1";

async function signedInCookie() {
  const user = await createTestUser(test.current.db);
  const clock = new Clock(new Date());
  const { jar } = await signInThroughNextAuth(nextAuthOptions(test.current.db, clock), credentialsAt(user, clock.now));
  return jar.header();
}

describe("security headers and CSP", () => {
  it("give every response a fresh nonce, a strict CSP and the hardening headers", async () => {
    const cookie = await signedInCookie();
    const a = await guardRequest(request("/departments", { headers: { cookie } }), options());
    const b = await guardRequest(request("/departments", { headers: { cookie } }), options());
    expect(passedThrough(a)).toBe(true);
    const csp = a.headers.get("content-security-policy")!;
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toHaveLength(24);
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
    expect(csp.split("; ")).toEqual([
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
      `style-src 'self' 'nonce-${nonce}'`,
      "style-src-attr 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "upgrade-insecure-requests",
    ]);
    // Next reads the nonce from the forwarded request headers.
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(Object.fromEntries([...a.headers].filter(([k]) => !k.startsWith("x-middleware") && k !== "content-security-policy"))).toEqual({
      "strict-transport-security": "max-age=63072000; includeSubDomains",
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
      "x-frame-options": "DENY",
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-resource-policy": "same-origin",
      "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
      "cache-control": "no-store, max-age=0",
    });
  });

  it("adds eval only in development and skips the https upgrade on plain http", async () => {
    const dev = await guardRequest(
      new NextRequest("http://127.0.0.1:3000/login", { headers: { host: "127.0.0.1:3000" } }),
      options({ dev: true }),
    );
    const csp = dev.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic' 'unsafe-eval'/);
    expect(csp).not.toContain("upgrade-insecure-requests");
    const prod = await guardRequest(request("/login"), options());
    expect(prod.headers.get("content-security-policy")).not.toContain("unsafe-eval");
  });
});

describe("CSRF defences on state-changing requests", () => {
  // tRPC is guarded by its own route (the proxy skips it): a request that passes reaches `handle`.
  const reached = new Response("{}", { status: 200, headers: { "x-reached": "1" } });
  const trpcGuard = (req: NextRequest, guard = options()) => guardTrpcRequest(req, guard, async () => reached.clone());
  const trpcPost = (headers: Record<string, string>, method = "POST") =>
    trpcGuard(request("/api/trpc/session.reauthenticate", { method, headers, body: "{}" }));
  const handled = (res: Response) => res.headers.get("x-reached") === "1";

  it("accept a tRPC POST only as same-origin JSON, with the hardening headers either way", async () => {
    const accepted = await trpcPost({ origin: SITE, "content-type": "application/json" });
    expect(handled(accepted)).toBe(true);
    expect(accepted.headers.get("x-content-type-options")).toBe("nosniff");
    expect(accepted.headers.get("cache-control")).toBe("no-store, max-age=0");
    expect(accepted.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    for (const [headers, method] of [
      [{ "content-type": "application/json" }, "POST"], // no Origin
      [{ origin: "https://evil.example", "content-type": "application/json" }, "POST"],
      [{ origin: "http://vigila.test", "content-type": "application/json" }, "POST"], // scheme differs
      [{ origin: SITE, "content-type": "text/plain" }, "POST"], // a "simple" cross-site form type
      [{ origin: SITE, "content-type": "application/x-www-form-urlencoded" }, "POST"],
      [{ origin: SITE, "content-type": "application/json" }, "PUT"],
    ] as const) {
      const res = await trpcPost(headers, method);
      expect(res.status, JSON.stringify([headers, method])).toBe(403);
      expect(handled(res)).toBe(false);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
    // Queries (GET) carry no Origin requirement.
    expect(handled(await trpcGuard(request("/api/trpc/session.me")))).toBe(true);
  });

  it("the proxy applies the same tRPC rule, should a tRPC request ever reach it", async () => {
    expect(
      (
        await guardRequest(
          request("/api/trpc/users.create", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
          options(),
        )
      ).status,
    ).toBe(403);
    expect(passedThrough(await guardRequest(request("/api/trpc/session.me"), options()))).toBe(true);
  });

  it("the proxy skips exactly the routes that guard themselves", async () => {
    const { config } = await import("~/proxy");
    const matcher = new RegExp(`^${config.matcher[0]!}$`);
    for (const path of ["/api/trpc/session.me", "/api/imports/upload", "/_next/static/x.js"]) expect(matcher.test(path), path).toBe(false);
    for (const path of ["/", "/departments", "/api/auth/session", "/api/other", "/login"]) expect(matcher.test(path), path).toBe(true);
  });

  it("compare with AUTH_URL's origin when one is configured, not the Host header", async () => {
    const configured = options({ publicOrigin: "https://vigila.gob.mx" });
    const post = (origin: string) =>
      trpcGuard(
        request("/api/trpc/users.create", { method: "POST", headers: { origin, "content-type": "application/json" }, body: "{}" }),
        configured,
      );
    expect(handled(await post("https://vigila.gob.mx"))).toBe(true);
    expect((await post(SITE)).status).toBe(403);
  });

  it("let scripts sign in without Origin but refuse a browser on another site", async () => {
    const signIn = (headers: Record<string, string>) =>
      guardRequest(
        request("/api/auth/callback/credentials", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
          body: "",
        }),
        options(),
      );
    expect(passedThrough(await signIn({}))).toBe(true);
    expect(passedThrough(await signIn({ origin: SITE }))).toBe(true);
    expect((await signIn({ origin: "https://evil.example" })).status).toBe(403);
  });

  it("tRPC itself refuses a mutation sent as GET", async () => {
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(`${SITE}/api/trpc/users.unlock?input=${encodeURIComponent(JSON.stringify({ json: { id: 1, version: 1 } }))}`),
      router: appRouter,
      createContext: () => ({
        db: test.current.db,
        scope: { userId: 1, role: "ADMIN" as const, stateCode: null },
        meta: { ip: null, userAgent: null },
      }),
    });
    expect(res.status).toBe(405);
  });
});

describe("authentication gate", () => {
  it("sends anonymous page requests to /login with where they were going", async () => {
    const res = await guardRequest(request("/departments?state=16&page=2"), options());
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${SITE}/login?next=%2Fdepartments%3Fstate%3D16%26page%3D2`);
    expect(res.headers.get("cache-control")).toBe("no-store, max-age=0");
    expect(passedThrough(await guardRequest(request("/login?next=%2F"), options()))).toBe(true);
    expect((await guardRequest(request("/departments/export"), options())).status).toBe(303);
    // Unsubscribe links from e-mails carry their own signed token.
    expect(passedThrough(await guardRequest(request("/api/alerts/unsubscribe?token=t"), options()))).toBe(true);
  });

  it("answers 401 to anonymous calls of other API routes, and lets signed-in users through", async () => {
    expect((await guardRequest(request("/api/other"), options())).status).toBe(401);
    const cookie = await signedInCookie();
    expect(passedThrough(await guardRequest(request("/api/other", { headers: { cookie } }), options()))).toBe(true);
    expect(passedThrough(await guardRequest(request("/", { headers: { cookie } }), options()))).toBe(true);
    // A cookie whose session has ended counts as none.
    const sid = (await sessionIdFromHeaders(new Headers({ cookie }), HTTPS_CONFIG))!;
    await test.current.db.userSession.update({ where: { id: sid }, data: { endedAt: new Date() } });
    expect((await guardRequest(request("/", { headers: { cookie } }), options())).status).toBe(303);
  });

  it("only ever redirects after sign-in to a path on this site", () => {
    expect(safeNextPath("/departments?x=1")).toBe("/departments?x=1");
    expect(safeNextPath("/loginsights")).toBe("/loginsights");
    for (const bad of [
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "/login?next=%2F",
      "/login",
      "",
      null,
      undefined,
    ]) {
      expect(safeNextPath(bad)).toBe("/");
    }
  });
});

describe("session cookies", () => {
  it("are __Host- prefixed, Secure, HttpOnly, SameSite=Lax over https", async () => {
    const user = await createTestUser(test.current.db);
    const clock = new Clock(new Date());
    const { res, csrfResponse } = await signInThroughNextAuth(nextAuthOptions(test.current.db, clock), credentialsAt(user, clock.now));
    const byName = Object.fromEntries([...csrfResponse.setCookies, ...res.setCookies].map((c) => [c.split("=")[0], c]));
    expect(Object.keys(byName).sort()).toEqual(["__Host-vigila.callback-url", "__Host-vigila.csrf", "__Host-vigila.session"]);
    for (const line of Object.values(byName)) {
      expect(line).toMatch(/; Path=\//);
      expect(line).toMatch(/; HttpOnly/);
      expect(line).toMatch(/; Secure/);
      expect(line).toMatch(/; SameSite=Lax/);
      expect(line).not.toMatch(/; Domain=/);
    }
  });

  it("drop the prefix and Secure on a plain-http demo, but stay HttpOnly", async () => {
    const user = await createTestUser(test.current.db);
    const clock = new Clock(new Date());
    const httpConfig = { secret: "h".repeat(48), url: "http://127.0.0.1:3000", secureCookies: false };
    const { res } = await signInThroughNextAuth(nextAuthOptions(test.current.db, clock, httpConfig), credentialsAt(user, clock.now));
    const session = res.setCookies.find((c) => c.startsWith("vigila.session="))!;
    expect(session).toMatch(/; HttpOnly/);
    expect(session).not.toMatch(/; Secure/);
  });
});
