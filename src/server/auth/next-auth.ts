import type { AuthOptions } from "next-auth";
import { getDb } from "../db/client";
import { authConfigFromEnv, exposeOriginToNextAuth } from "./config";
import { createAuthOptions } from "./next-auth-options";

let options: AuthOptions | undefined;

/** The app's next-auth options, built on first use (not at import: `next build` has no secret). */
export function getAuthOptions(): AuthOptions {
  if (!options) {
    const config = authConfigFromEnv();
    exposeOriginToNextAuth(config);
    options = createAuthOptions({ db: getDb, config });
  }
  return options;
}
