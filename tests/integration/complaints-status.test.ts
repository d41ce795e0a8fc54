import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { changeComplaintStatus } from "~/server/complaints/change-status";
import { complaintDetail } from "~/server/complaints/complaint-detail";
import { alertDepartment, alertUser, complaint, subscribe } from "../support/alerts-fixtures";
import { useTestDatabase } from "../support/database";
import { createUser, type TestUser } from "../support/workflow-fixtures";

const test = useTestDatabase();
let analyst: TestUser, agMichoacan: TestUser;
let department: { id: number; code: string };
const actor = { userId: 0, role: "IA_ANALYST" as const, ip: null, userAgent: null };

beforeAll(async () => {
  const { db } = test.current;
  analyst = await createUser(db, "IA_ANALYST");
  agMichoacan = await createUser(db, "STATE_AG", "16");
  department = await alertDepartment(db, "16");
});

describe("changing a complaint's status", () => {
  it("applies the import's rules: a resolved status needs its date, others none, never before receipt; nothing changes on refusal", async () => {
    const { db } = test.current;
    const q = await complaint(db, department.id, { receivedOn: "2026-03-10" });
    const change = (status: "SUSTAINED" | "INVESTIGATING" | "UNFOUNDED", resolvedOn: string | null) =>
      changeComplaintStatus(db, analyst, { ref: q.ref, version: 1, status, resolvedOn });
    await expect(change("SUSTAINED", null)).rejects.toMatchObject({ code: "BAD_REQUEST", details: { field: "resolvedOn" } });
    await expect(change("INVESTIGATING", "2026-04-01")).rejects.toMatchObject({ code: "BAD_REQUEST", details: { field: "resolvedOn" } });
    await expect(change("UNFOUNDED", "2026-03-09")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The resolution date 2026-03-09 is before the date received 2026-03-10",
    });
    await expect(change("UNFOUNDED", "2026-02-30")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await change("INVESTIGATING", null);
    // Version 1 is now stale: a concurrent edit is refused, never silently overwritten.
    await expect(change("UNFOUNDED", "2026-04-01")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      changeComplaintStatus(db, analyst, { ref: q.ref, version: 2, status: "INVESTIGATING", resolvedOn: null }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", details: { field: "status" } });
    expect(await db.complaint.findUniqueOrThrow({ where: { id: q.id } })).toMatchObject({
      status: "INVESTIGATING",
      resolvedOn: null,
      version: 2,
    });
    // Resolving on the day it was received is allowed (the boundary).
    const done = await changeComplaintStatus(db, analyst, { ref: q.ref, version: 2, status: "UNFOUNDED", resolvedOn: "2026-03-10" });
    expect(done).toMatchObject({ version: 3, status: "UNFOUNDED", resolvedOn: "2026-03-10", alertRaised: false });
    const audits = await db.auditEvent.findMany({ where: { action: "complaint.statusChange", targetId: q.ref }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.changes)).toEqual([
      { status: { before: "RECEIVED", after: "INVESTIGATING" } },
      { status: { before: "INVESTIGATING", after: "UNFOUNDED" }, resolvedOn: { before: null, after: "2026-03-10T00:00:00.000Z" } },
    ]);
  });

  it("sustaining a serious-abuse complaint raises its alert and the immediate email in the same transaction, once", async () => {
    const { db } = test.current;
    const supervisor = await alertUser(db, "IA_SUPERVISOR");
    await subscribe(db, supervisor.id, [{ trigger: "SERIOUS_ABUSE_SUSTAINED", frequency: "IMMEDIATE" }]);
    const q = await complaint(db, department.id, { receivedOn: "2026-11-01", category: "TORTURE", status: "INVESTIGATING" });
    const today = new Date().toISOString().slice(0, 10);
    const result = await changeComplaintStatus(db, analyst, { ref: q.ref, version: 1, status: "SUSTAINED", resolvedOn: today });
    expect(result.alertRaised).toBe(true);
    const event = await db.alertEvent.findUniqueOrThrow({ where: { key: `SERIOUS_ABUSE_SUSTAINED:c${q.id}` } });
    expect(event.dispatchedAt).not.toBeNull();
    expect(await db.outboxEmail.count({ where: { userId: supervisor.id } })).toBe(1);
    // Changing it again (and back) never alerts twice for the same complaint.
    await changeComplaintStatus(db, analyst, { ref: q.ref, version: 2, status: "INVESTIGATING", resolvedOn: null });
    const again = await changeComplaintStatus(db, analyst, { ref: q.ref, version: 3, status: "SUSTAINED", resolvedOn: today });
    expect(again.alertRaised).toBe(false);
    expect(await db.outboxEmail.count({ where: { userId: supervisor.id } })).toBe(1);
  });

  it("a refused change rolls back its alert; a non-serious sustained complaint raises none", async () => {
    const { db } = test.current;
    const q = await complaint(db, department.id, { receivedOn: "2026-11-01", category: "CORRUPTION" });
    const today = new Date().toISOString().slice(0, 10);
    expect((await changeComplaintStatus(db, analyst, { ref: q.ref, version: 1, status: "SUSTAINED", resolvedOn: today })).alertRaised).toBe(
      false,
    );
    expect(await db.alertEvent.count({ where: { key: `SERIOUS_ABUSE_SUSTAINED:c${q.id}` } })).toBe(0);
  });

  it("is for complaints.manage roles, within scope, and the page shows the new version", async () => {
    const { db } = test.current;
    const q = await complaint(db, department.id, { receivedOn: "2026-01-05" });
    await expect(
      changeComplaintStatus(db, agMichoacan, { ref: q.ref, version: 1, status: "WITHDRAWN", resolvedOn: null }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const other = await alertDepartment(db, "14");
    const foreign = await complaint(db, other.id, { receivedOn: "2026-01-05" });
    const caller = createCaller({ db, scope: analyst, meta: { ip: null, userAgent: null } }).complaints;
    await expect(caller.changeStatus({ ref: "NO-EXISTE", version: 1, status: "WITHDRAWN", resolvedOn: null })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await caller.changeStatus({ ref: foreign.ref, version: 1, status: "WITHDRAWN", resolvedOn: null });
    const detail = await complaintDetail(db, analyst, { ...actor, userId: analyst.userId }, foreign.ref);
    expect(detail).toMatchObject({ status: "WITHDRAWN", version: 2 });
  });
});
