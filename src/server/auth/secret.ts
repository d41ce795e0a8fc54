import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, liveEnv } from "../../env";

/**
 * The one secret that signs sessions and derives the key encrypting TOTP secrets at rest.
 * Production must configure `AUTH_SECRET` (a deployment with several instances needs the same
 * value everywhere). Demo and development generate one per data folder, so a newcomer needs no
 * configuration and every process sharing the folder (web, worker, CLI) agrees on it.
 */
export const AUTH_SECRET_FILE = "auth-secret";

let cached: string | undefined;

export function getAuthSecret(): string {
  cached ??= loadSecret();
  return cached;
}

function loadSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production" && env.VIGILA_DEMO !== "1") {
    throw new Error("AUTH_SECRET must be set in production (at least 32 characters, e.g. `openssl rand -base64 48`)");
  }
  // turbopackIgnore: a run-time folder, not a source path; otherwise the bundler traces the whole project.
  return readOrCreateSecretFile(path.resolve(/* turbopackIgnore: true */ liveEnv.dataDir()));
}

/** Creates `<dataDir>/auth-secret` (mode 600) unless another process already did. */
export function readOrCreateSecretFile(dataDir: string): string {
  const file = path.join(/* turbopackIgnore: true */ dataDir, AUTH_SECRET_FILE);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) {
    // Written whole under a private name, then linked into place: link() fails if the file exists,
    // so of two processes starting together exactly one wins and nobody reads a half-written file.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(tmp, randomBytes(48).toString("base64url"), { mode: 0o600 });
    try {
      linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    } finally {
      unlinkSync(tmp);
    }
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters; delete it to generate a new one`);
  return secret;
}
