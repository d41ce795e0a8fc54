import { env } from "../../env";
import { publicOriginFromEnv } from "./config";
import type { GuardOptions } from "./request-guard";

/** The request guard's settings from the environment, for the proxy and the routes it skips. */
export function guardOptionsFromEnv(): Pick<GuardOptions, "publicOrigin" | "dev"> {
  return { publicOrigin: publicOriginFromEnv(), dev: env.NODE_ENV === "development" };
}
