import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/server/audit/verify";
import { useTestDatabase } from "../support/database";
import { TEST_ORIGIN, callerFor } from "../support/trpc-context";

const test = useTestDatabase();

async function codeOf(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof TRPCError ? error.code : error;
}

describe("requests refused at the procedure layer", () => {
  it("records a FORBIDDEN request with the actor, session, origin and permission", async () => {
    const { db } = test.current;
    const scope = { userId: 41, role: "STATE_AG" as const, stateCode: "16", sessionId: "a".repeat(64) };
    expect(await codeOf(callerFor(db, scope).audit.list({}))).toBe("FORBIDDEN");
    const event = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({
      action: "audit.list",
      outcome: "DENIED",
      actorId: 41,
      role: "STATE_AG",
      sessionId: "a".repeat(64),
      ip: TEST_ORIGIN.ip,
      userAgent: TEST_ORIGIN.userAgent,
      targetType: null,
      stateCode: null,
      metadata: { reason: "FORBIDDEN", permission: "audit.read", actorStateCode: "16" },
    });
  });

  it("records an anonymous request as UNAUTHORIZED with no actor", async () => {
    const { db } = test.current;
    const before = await db.auditEvent.count();
    expect(await codeOf(callerFor(db, null, { ip: null, userAgent: null }).audit.export({}))).toBe("UNAUTHORIZED");
    expect(await db.auditEvent.count()).toBe(before + 1);
    const event = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({
      action: "audit.export",
      outcome: "DENIED",
      actorId: null,
      role: null,
      sessionId: null,
      ip: null,
      metadata: { reason: "UNAUTHORIZED", permission: "audit.export" },
    });
  });

  it("records nothing extra for an allowed request that fails validation", async () => {
    const { db } = test.current;
    const before = await db.auditEvent.count();
    const auditor = { userId: 5, role: "AUDITOR" as const, stateCode: null };
    expect(await codeOf(callerFor(db, auditor).audit.list({ from: "2026-02-30" }))).toBe("BAD_REQUEST");
    expect(await db.auditEvent.count()).toBe(before);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true, count: before });
  });
});
