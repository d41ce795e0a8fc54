import { statSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientIp } from "~/server/auth/client-ip";
import { hashPassword, isCommonPassword, MAX_PASSWORD_LENGTH, passwordProblem, verifyPassword } from "~/server/auth/password";
import { readOrCreateSecretFile } from "~/server/auth/secret";
import { decryptTotpSecret, encryptTotpSecret } from "~/server/auth/totp";

describe("password policy", () => {
  it("needs 12 characters (counted as characters, not bytes) and at most 128", () => {
    expect(passwordProblem("a".repeat(11))).toMatch(/at least 12/);
    expect(passwordProblem("ñandú-ñandú")).toMatch(/at least 12/); // 11 characters, 13 bytes
    expect(passwordProblem("ñandú-ñandú!")).toBeNull(); // 12 characters
    expect(passwordProblem("x".repeat(MAX_PASSWORD_LENGTH))).toBeNull();
    expect(passwordProblem("x".repeat(MAX_PASSWORD_LENGTH + 1))).toMatch(/at most 128/);
  });

  it("refuses the 10,000 most common passwords in any letter case, and nothing else", async () => {
    const list = (await readFile("prisma/data/common-passwords.txt", "utf8")).trim().split("\n");
    expect(list).toHaveLength(10_000);
    expect(list[0]).toBe("123456");
    const longOnes = list.filter((p) => p.length >= 12);
    expect(longOnes.length).toBeGreaterThan(0);
    for (const p of longOnes) expect(passwordProblem(p)).toMatch(/most common/);
    expect(passwordProblem("QwErTy123456")).toMatch(/most common/);
    expect(isCommonPassword("vigila-demo-2026")).toBe(false);
    // No composition rules: long lower-case words are fine.
    expect(passwordProblem("caballo correcto batería")).toBeNull();
  });
});

describe("argon2id hashes", () => {
  it("verify the right password only, with OWASP parameters and a fresh salt each time", async () => {
    const a = await hashPassword("contraseña de prueba");
    const b = await hashPassword("contraseña de prueba");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "contraseña de prueba")).toBe(true);
    expect(await verifyPassword(a, "contraseña de prueba ")).toBe(false);
    expect(await verifyPassword(a, "Contraseña de prueba")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });

  it("treat composed and decomposed accents as the same password (NFC)", async () => {
    const composed = "contrase\u00f1a segura";
    const decomposed = "contrasen\u0303a segura";
    expect(await verifyPassword(await hashPassword(composed), decomposed)).toBe(true);
  });
});

describe("TOTP secrets at rest", () => {
  it("are AES-GCM encrypted with a fresh IV, and fail loudly under another key or if altered", () => {
    const key = "k".repeat(48);
    const a = encryptTotpSecret("JBSWY3DPEHPK3PXP", key);
    expect(a).not.toBe(encryptTotpSecret("JBSWY3DPEHPK3PXP", key));
    expect(decryptTotpSecret(a, key)).toBe("JBSWY3DPEHPK3PXP");
    expect(() => decryptTotpSecret(a, "j".repeat(48))).toThrow();
    const parts = a.split(".");
    parts[2] = Buffer.from("AAAAAAAAAAAAAAAA").toString("base64url");
    expect(() => decryptTotpSecret(parts.join("."), key)).toThrow();
    expect(() => decryptTotpSecret("JBSWY3DPEHPK3PXP", key)).toThrow(/encrypted v1 format/);
  });
});

describe("generated AUTH_SECRET", () => {
  it("is created once per data folder, private to its owner, and reused afterwards", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "vigila-secret-"));
    try {
      const secrets = Array.from({ length: 3 }, () => readOrCreateSecretFile(path.join(dir, "data")));
      expect(new Set(secrets).size).toBe(1);
      expect(secrets[0]!.length).toBeGreaterThanOrEqual(32);
      expect(statSync(path.join(dir, "data", "auth-secret")).mode & 0o777).toBe(0o600);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("client address", () => {
  it("is the last X-Forwarded-For hop (the one our proxy added), else X-Real-IP", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1, 10.0.0.5" }))).toBe("10.0.0.5");
    expect(clientIp({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-real-ip": " 198.51.100.2 " }))).toBe("198.51.100.2");
    expect(clientIp(new Headers())).toBeNull();
  });
});
