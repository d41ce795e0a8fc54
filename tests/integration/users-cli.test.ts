import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { decryptTotpSecret } from "~/server/auth/totp";
import { verifyPassword } from "~/server/auth/password";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();

function vigila(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/vigila.mjs", ...args], {
      env: { ...process.env, DATABASE_URL: test.current.url, LOG_LEVEL: "warn" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe("vigila users:create", () => {
  it("creates the user from a password on stdin and prints the TOTP secret and URI once", async () => {
    const run = await vigila(
      ["users:create", "--email", "Fiscal.Gro@Example.MX", "--role", "STATE_AG", "--state", "12", "--name", "Fiscalía de Guerrero"],
      "una frase de paso muy larga\n",
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^Created user \d+ fiscal\.gro@example\.mx \(STATE_AG, state 12\)\.$/);
    const secret = /: ([A-Z2-7]{32})$/.exec(lines[1]!)?.[1];
    expect(lines[2]).toBe(
      `otpauth URI: otpauth://totp/Vigila:fiscal.gro%40example.mx?secret=${secret}&period=30&digits=6&algorithm=SHA1&issuer=Vigila`,
    );
    const user = await test.current.db.user.findUniqueOrThrow({ where: { email: "fiscal.gro@example.mx" } });
    expect(user).toMatchObject({ role: "STATE_AG", stateCode: "12", name: "Fiscalía de Guerrero" });
    expect(await verifyPassword(user.passwordHash, "una frase de paso muy larga")).toBe(true);
    expect(decryptTotpSecret(user.totpSecret)).toBe(secret);
    const audit = await test.current.db.auditEvent.findFirstOrThrow({ where: { action: "user.create", targetId: String(user.id) } });
    expect(audit.actorId).toBeNull();
    expect(audit.metadata).toMatchObject({ via: "console" });
  });

  // Each run starts a CLI process (several seconds here): the policy details are tested on the
  // service; these check that its refusals become exit 1 and usage mistakes exit 2.
  it("exits 1 with the reason for a refused password or a duplicate, and creates nothing", async () => {
    const before = await test.current.db.user.count();
    const cases: [string[], string, RegExp][] = [
      [["--email", "a@example.mx", "--role", "IA_ANALYST"], "1q2w3e4r5t6y\n", /most common/],
      [["--email", "fiscal.gro@example.mx", "--role", "AUDITOR"], "una frase de paso muy larga\n", /already exists/],
    ];
    for (const [args, stdin, message] of cases) {
      const run = await vigila(["users:create", ...args], stdin);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe("");
    }
    expect(await test.current.db.user.count()).toBe(before);
  });

  it("exits 2 on usage errors", async () => {
    for (const [args, stdin, message] of [
      [["--role", "ADMIN"], "una frase de paso muy larga\n", /--email is required/],
      [["--email", "b@example.mx", "--role", "ROOT"], "una frase de paso muy larga\n", /--role must be one of/],
      [["--email", "b@example.mx", "--role", "ADMIN"], "", /No password on stdin/],
    ] as [string[], string, RegExp][]) {
      const run = await vigila(["users:create", ...args], stdin);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });
});
