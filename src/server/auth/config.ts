import { env, exposeToNextAuth } from "../../env";
import { getAuthSecret } from "./secret";

/**
 * How sign-in is wired for this deployment. Over https (production: `AUTH_URL` is https) every
 * cookie is `__Host-` prefixed and `Secure`; a plain-http demo on 127.0.0.1 cannot set Secure
 * cookies, so there they carry no prefix.
 */
export type AuthConfig = {
  secret: string;
  /** The public origin, e.g. https://vigila.example.gob.mx; null = trust the request's Host. */
  url: string | null;
  secureCookies: boolean;
};

/** The deployment's public origin (`AUTH_URL`), or null to trust the request's Host. */
export function publicOriginFromEnv(): string | null {
  return env.AUTH_URL ? new URL(env.AUTH_URL).origin : null;
}

export function authConfigFromEnv(): AuthConfig {
  const url = publicOriginFromEnv();
  return { secret: getAuthSecret(), url, secureCookies: url?.startsWith("https://") ?? false };
}

export function cookieNames(secure: boolean) {
  const prefix = secure ? "__Host-" : "";
  return {
    session: `${prefix}vigila.session`,
    csrf: `${prefix}vigila.csrf`,
    callbackUrl: `${prefix}vigila.callback-url`,
  };
}

/**
 * next-auth 4 reads its own public URL only from `process.env`. With `AUTH_URL` it gets that;
 * without it (demo and development on whatever port) it trusts the request's Host header, which
 * only ever shapes the response to that same request.
 */
export function exposeOriginToNextAuth(config: AuthConfig) {
  exposeToNextAuth(config.url);
}
