import { NextResponse, type NextRequest } from "next/server";
import type { Scope } from "../authz/scope";
import { applySecurityHeaders, contentSecurityPolicy, newNonce } from "./security-headers";

/**
 * What the proxy does to every request before the app sees it:
 * - refuses state-changing API calls that a browser on another site could have sent (CSRF);
 * - sends anyone without a valid session to /login (pages) or answers 401 (other API routes);
 * - gives each page a fresh CSP nonce and every response the security headers.
 */
export type GuardOptions = {
  resolveScope: (headers: Headers) => Promise<Scope | null>;
  /** The public origin (AUTH_URL), or null to accept the request's own Host. */
  publicOrigin: string | null;
  dev: boolean;
};

// Routes that authenticate on their own: sign-in itself, tRPC (each procedure checks, and
// `session.me` must answer anonymous callers), and e-mail unsubscribe links (a signed token).
const SELF_AUTHENTICATING = [
  /^\/login\/?$/,
  /^\/api\/auth(\/|$)/,
  /^\/api\/trpc(\/|$)/,
  /^\/api\/health(\/ready)?\/?$/,
  /^\/api\/alerts\/unsubscribe\/?$/,
];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function requestOrigin(request: NextRequest, publicOrigin: string | null): string {
  if (publicOrigin) return publicOrigin;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? request.nextUrl.host;
  const proto = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "");
  return `${proto}://${host}`;
}

/** Why a state-changing request must be refused, or null. */
export function csrfProblem(request: NextRequest, expectedOrigin: string): string | null {
  const { pathname } = request.nextUrl;
  if (SAFE_METHODS.has(request.method)) return null;
  const origin = request.headers.get("origin");
  if (pathname.startsWith("/api/trpc")) {
    if (request.method !== "POST") return "tRPC changes are accepted only as POST";
    if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
      return "tRPC changes must be sent as application/json";
    }
    if (origin !== expectedOrigin) return "Cross-origin request refused";
    return null;
  }
  // Scripts signing in send no Origin; a browser always does, and it must be ours.
  if (origin !== null && origin !== expectedOrigin) return "Cross-origin request refused";
  return null;
}

/**
 * `next` for the login page: a path on this site only (never `//evil.example` or a URL), and not
 * /login itself (a signed-in visitor is sent on to `next`, which would loop).
 */
export function safeNextPath(value: string | null | undefined, publicOrigin: string | null = null): string {
  if (!value) return "/";
  // Resolved the way a browser will (tabs, newlines and CR dropped, backslashes read as slashes, encoded
  // forms decoded) against this site's origin, and kept only if it stays on exactly that origin: what
  // is returned is the parser's own path, so the form and the server redirect follow the same string.
  const base = new URL(publicOrigin ?? SITE_PLACEHOLDER);
  let resolved: URL;
  try {
    resolved = new URL(value, base);
  } catch {
    return "/";
  }
  if (resolved.origin !== base.origin) return "/";
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || /^\/login(\/|\?|#|$)/.test(path)) return "/";
  return path;
}

// Any origin serves for the comparison when the deployment has none configured: only its sameness matters.
const SITE_PLACEHOLDER = "https://vigila.invalid";

const policyFor = (request: NextRequest, options: Pick<GuardOptions, "publicOrigin" | "dev">, nonce: string) =>
  contentSecurityPolicy(nonce, {
    dev: options.dev,
    https: request.nextUrl.protocol === "https:" || (options.publicOrigin?.startsWith("https:") ?? false),
  });

/**
 * tRPC's share of the proxy, done by its own route (src/app/api/trpc/[trpc]/route.ts), which the proxy
 * skips: every data request comes this way, and the proxy's page work (a copied, rewritten request
 * forwarded with a nonce) was a measurable part of a data request's cost. The same CSRF rule
 * (`csrfProblem`) and the same response headers as everywhere else; each procedure checks the session.
 */
export async function guardTrpcRequest(
  request: NextRequest,
  options: Pick<GuardOptions, "publicOrigin" | "dev">,
  handle: () => Promise<Response>,
): Promise<Response> {
  const refused = csrfProblem(request, requestOrigin(request, options.publicOrigin));
  const response = refused ? NextResponse.json({ error: refused }, { status: 403 }) : await handle();
  applySecurityHeaders(response.headers, policyFor(request, options, newNonce()));
  return response;
}

export async function guardRequest(request: NextRequest, options: GuardOptions): Promise<NextResponse> {
  const nonce = newNonce();
  const csp = policyFor(request, options, nonce);
  const finish = (response: NextResponse) => {
    applySecurityHeaders(response.headers, csp);
    return response;
  };
  const { pathname, search } = request.nextUrl;

  const refused = csrfProblem(request, requestOrigin(request, options.publicOrigin));
  if (refused) return finish(NextResponse.json({ error: refused }, { status: 403 }));

  if (!SELF_AUTHENTICATING.some((pattern) => pattern.test(pathname)) && !(await options.resolveScope(request.headers))) {
    if (pathname.startsWith("/api/")) return finish(NextResponse.json({ error: "Sign in first" }, { status: 401 }));
    const login = new URL("/login", request.url);
    login.searchParams.set("next", safeNextPath(`${pathname}${search}`, options.publicOrigin));
    return finish(NextResponse.redirect(login, 303));
  }

  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", csp);
  return finish(NextResponse.next({ request: { headers: forwarded } }));
}
