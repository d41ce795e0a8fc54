import { env } from "../../env";
import type { GuardOptions } from "./request-guard";

/** The request guard's settings from the environment, for the proxy and the routes it skips. */
export function guardOptionsFromEnv(): Pick<GuardOptions, "publicOrigin" | "dev"> {
  return { publicOrigin: env.AUTH_URL ? new URL(env.AUTH_URL).origin : null, dev: env.NODE_ENV === "development" };
}
