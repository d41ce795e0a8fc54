import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/generated/prisma/enums";
import { appRouter } from "~/server/api/root";
import type { ProcedureMeta } from "~/server/api/trpc";
import type { Scope } from "~/server/authz/scope";
import { AUTHZ_MATRIX } from "../support/authz-matrix";
import { useTestDatabase } from "../support/database";
import { callerFor } from "../support/trpc-context";

const test = useTestDatabase();
const ROLES: Role[] = ["ADMIN", "IA_SUPERVISOR", "IA_ANALYST", "STATE_AG", "AUDITOR"];
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string; meta?: ProcedureMeta } }>;
const PATHS = Object.keys(procedures).sort();
const scopes = {} as Record<Role, Scope>;

beforeAll(async () => {
  for (const [i, role] of ROLES.entries()) {
    const user = await test.current.db.user.create({
      data: {
        email: `matrix-${role.toLowerCase()}@vigila.test`,
        name: `Matrix ${role}`,
        passwordHash: "not-a-real-hash",
        totpSecret: "not-a-real-secret",
        role,
        stateCode: role === "STATE_AG" ? "16" : null,
      },
    });
    scopes[role] = { userId: user.id, role, stateCode: user.stateCode, sessionId: `${i}`.repeat(64) };
  }
});

type Outcome = "FORBIDDEN" | "UNAUTHORIZED" | "passed";

/** Calls a procedure by path with no input: refusals come from authorization, anything else got past it. */
async function call(path: string, scope: Scope | null): Promise<{ outcome: Outcome; detail: string }> {
  const caller = callerFor(test.current.db, scope) as unknown as Record<string, unknown>;
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input?: unknown,
  ) => Promise<unknown>;
  try {
    await procedure(undefined);
    return { outcome: "passed", detail: "succeeded" };
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "FORBIDDEN" || err.code === "UNAUTHORIZED"))
      return { outcome: err.code, detail: err.message };
    return { outcome: "passed", detail: err instanceof TRPCError ? `${err.code}: ${err.message}` : String(err) };
  }
}

async function lastDenial(path: string) {
  return test.current.db.auditEvent.findFirst({ where: { action: path, outcome: "DENIED" }, orderBy: { id: "desc" } });
}

describe("authorization matrix", () => {
  it("has an explicit entry for every procedure and none for procedures that no longer exist", () => {
    const missing = PATHS.filter((path) => !(path in AUTHZ_MATRIX));
    const stale = Object.keys(AUTHZ_MATRIX).filter((path) => !PATHS.includes(path));
    expect(missing, `Procedures without an entry in tests/support/authz-matrix.ts (add who may call them): ${missing.join(", ")}`).toEqual(
      [],
    );
    expect(stale, `Entries in tests/support/authz-matrix.ts for procedures that no longer exist: ${stale.join(", ")}`).toEqual([]);
  });

  it.each(PATHS)("%s lets exactly the expected callers past authorization", async (path) => {
    const expected = AUTHZ_MATRIX[path];
    if (!expected) throw new Error(`Procedure '${path}' has no entry in tests/support/authz-matrix.ts: add the roles allowed to call it`);
    const checked = procedures[path]!._def.meta?.permission !== undefined;
    for (const role of ROLES) {
      const allowed = expected === "public" || expected === "signedIn" || expected.includes(role);
      const { outcome, detail } = await call(path, scopes[role]);
      if (allowed) {
        expect(outcome, `${role} should get past authorization of ${path} but got ${outcome}: ${detail}`).toBe("passed");
        continue;
      }
      expect(outcome, `${role} should be refused ${path} but it ${detail}`).toBe("FORBIDDEN");
      if (checked) {
        const denial = await lastDenial(path);
        expect(denial, `the FORBIDDEN ${role} call to ${path} should be audited`).toMatchObject({
          actorId: scopes[role].userId,
          role,
          metadata: { reason: "FORBIDDEN" },
        });
      }
    }

    const anonymous = await call(path, null);
    if (expected === "public") {
      expect(anonymous.outcome, `${path} is public but refused an anonymous caller: ${anonymous.detail}`).toBe("passed");
    } else {
      expect(anonymous.outcome, `${path} must refuse anonymous callers, but it ${anonymous.detail}`).toBe("UNAUTHORIZED");
      if (checked) {
        const denial = await lastDenial(path);
        expect(denial, `the anonymous call to ${path} should be audited`).toMatchObject({
          actorId: null,
          metadata: { reason: "UNAUTHORIZED" },
        });
      }
    }
  });
});
