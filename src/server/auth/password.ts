import { readFileSync } from "node:fs";
import path from "node:path";
import { hash, verify } from "@node-rs/argon2";

/**
 * Password policy (ASVS 5.0 V6 / NIST 800-63B): at least 12 characters, not one of the 10,000
 * most common passwords, no composition rules. Any Unicode is allowed; the text is NFC-normalised
 * so the same password typed on different keyboards hashes the same.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): about 30 ms here, per attempt and per core.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const COMMON_PASSWORDS_FILE = path.join("prisma", "data", "common-passwords.txt");

let commonPasswords: Set<string> | undefined;

function loadCommonPasswords(): Set<string> {
  const file = path.resolve(process.cwd(), COMMON_PASSWORDS_FILE);
  const words = readFileSync(file, "utf8")
    .split("\n")
    .map((w) => w.trim())
    .filter(Boolean);
  if (words.length < 10_000) throw new Error(`${file} should list 10,000 passwords; found ${words.length}`);
  return new Set(words);
}

export function isCommonPassword(password: string): boolean {
  commonPasswords ??= loadCommonPasswords();
  // The list is lower-case: "Password123456" is as guessable as "password123456".
  return commonPasswords.has(password.normalize("NFC").toLowerCase());
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = Array.from(password.normalize("NFC")).length; // code points, not UTF-16 units
  if (length < MIN_PASSWORD_LENGTH) return `The password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `The password must have at most ${MAX_PASSWORD_LENGTH} characters`;
  if (isCommonPassword(password)) return "This password is among the most common ones; choose another";
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize("NFC"));
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as checking a real password, for sign-ins naming an unknown account, so
 * response time does not reveal which emails exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("vigila-dummy-password-never-matches");
  await verifyPassword(await dummyHash, password);
  return false;
}
