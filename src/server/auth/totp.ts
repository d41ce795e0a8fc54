import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authenticator } from "otplib";
import { getAuthSecret } from "./secret";

/**
 * TOTP second factor (RFC 6238: 6 digits, 30-second steps, SHA-1 as every authenticator app
 * expects). A code is accepted one step early or late for clock drift, and each step only once:
 * the sign-in stores the step it consumed in `User.lastTotpStep`.
 */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DRIFT_STEPS = 1;
export const TOTP_ISSUER = "Vigila";

const CODE_PATTERN = /^\d{6}$/;

export function generateTotpSecret(): string {
  return authenticator.generateSecret(20); // 160 bits, the RFC 4226 recommendation
}

export function otpauthUri(email: string, secret: string): string {
  return authenticator.keyuri(email, TOTP_ISSUER, secret);
}

export function totpStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/** The code an authenticator app shows at `now` (tests and the demo accounts use it). */
export function totpCodeAt(secret: string, now: Date): string {
  return authenticator.create({ ...authenticator.allOptions(), epoch: now.getTime() }).generate(secret);
}

/** The time step whose code `code` is, within the allowed drift around `now`; null if none. */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  if (!CODE_PATTERN.test(code)) return null;
  const checker = authenticator.create({ ...authenticator.allOptions(), epoch: now.getTime(), window: TOTP_DRIFT_STEPS });
  const delta = checker.checkDelta(code, secret);
  return delta === null ? null : totpStepAt(now) + delta;
}

// ── Encryption at rest: AES-256-GCM, key derived from AUTH_SECRET ──
// A database dump alone then yields no second factor. Rotating AUTH_SECRET makes stored secrets
// unreadable: every user must enrol again (users:create prints a new secret).

const FORMAT = "v1";

function encryptionKey(authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, "", "vigila totp-secret encryption v1", 32));
}

export function encryptTotpSecret(secret: string, authSecret = getAuthSecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(authSecret), iv);
  const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [FORMAT, iv, data, cipher.getAuthTag()].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptTotpSecret(stored: string, authSecret = getAuthSecret()): string {
  const [format, iv, data, tag] = stored.split(".");
  if (format !== FORMAT || !iv || !data || !tag) throw new Error("Stored TOTP secret is not in the encrypted v1 format");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(authSecret), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
