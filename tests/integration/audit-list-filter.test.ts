import { parse } from "csv-parse/sync";
import type { AuditAction } from "~/server/audit/actions";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditEvent } from "~/generated/prisma/client";
import { exportAuditEvents } from "~/server/audit/export";
import { recordAuditNow } from "~/server/audit/record";
import type { AuditFilterInput } from "~/server/audit/list-input";
import { listAuditEvents } from "~/server/audit/search";
import type { Scope } from "~/server/authz/scope";
import { useTestDatabase } from "../support/database";
import { appendAt } from "./audit-fixture";

const test = useTestDatabase();
const auditor: Scope = { userId: 900, role: "AUDITOR", stateCode: null };
const michoacanAg: Scope = { userId: 2, role: "STATE_AG", stateCode: "16" };

const mexicoCityDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "America/Mexico_City",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The filter semantics written out plainly over the rows in memory: the oracle both queries must match. */
function matches(scope: Scope, f: AuditFilterInput, e: AuditEvent, userEmails: Map<number, string>): boolean {
  const day = mexicoCityDay.format(e.occurredAt);
  const emailHas = (email: string | null | undefined) => (email ?? "").toLowerCase().includes((f.actor ?? "").toLowerCase());
  return (
    (scope.role !== "STATE_AG" || e.stateCode === scope.stateCode) &&
    (!f.actor ||
      (/^\d+$/.test(f.actor)
        ? e.actorId === Number(f.actor)
        : emailHas(e.actorEmail) || (e.actorId !== null && emailHas(userEmails.get(e.actorId))))) &&
    (!f.action || e.action.startsWith(f.action)) &&
    (!f.targetType || e.targetType === f.targetType) &&
    (!f.targetId || e.targetId === f.targetId) &&
    (!f.stateCode || e.stateCode === f.stateCode) &&
    (!f.outcome || e.outcome === f.outcome) &&
    (!f.from || day >= f.from) &&
    (!f.to || day <= f.to)
  );
}

async function expectedIds(scope: Scope, filters: AuditFilterInput) {
  const all = await test.current.db.auditEvent.findMany({ orderBy: { id: "desc" } });
  const users = await test.current.db.user.findMany({ select: { id: true, email: true } });
  const userEmails = new Map(users.map((u) => [u.id, u.email]));
  return all.filter((e) => matches(scope, filters, e, userEmails)).map((e) => e.id.toString());
}

/** The ids of the CSV export, in file order (oldest first). */
async function exportedIds(scope: Scope, filters: AuditFilterInput) {
  let csv = "";
  for await (const chunk of await exportAuditEvents(test.current.db, scope, filters))
    csv += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
  const rows: string[][] = parse(csv.replace(/^\uFEFF/, ""));
  return rows.slice(1).map((r) => r[0]!);
}

const FILTERS: AuditFilterInput[] = [
  {},
  { actor: "7" },
  { actor: "ANA" },
  { actor: "fiscalia16" },
  { action: "f." },
  { action: "f.case." },
  { action: "f.case.close" },
  { action: "case" },
  { targetType: "Complaint" },
  { targetType: "Complaint", targetId: "77" },
  { stateCode: "16" },
  { stateCode: "14", outcome: "DENIED" },
  { outcome: "DENIED" },
  { from: "2026-03-10" },
  { to: "2026-03-10" },
  { from: "2026-03-10", to: "2026-03-10", action: "f." },
  { from: "2022-04-03", to: "2022-04-03" },
  { actor: "nadie" },
];

beforeAll(async () => {
  const { db } = test.current;
  const events: [string, Parameters<typeof appendAt>[2]][] = [
    [
      "2026-03-10T05:59:59.999Z",
      {
        action: "f.case.open",
        actorId: 7,
        actorEmail: "Ana_Ruiz@sesnsp.gob.mx",
        role: "IA_ANALYST",
        stateCode: "16",
        targetType: "Complaint",
        targetId: "77",
      },
    ],
    [
      "2026-03-10T06:00:00.000Z",
      {
        action: "f.case.close",
        actorId: 8,
        actorEmail: "luis@fiscalia16.gob.mx",
        role: "STATE_AG",
        stateCode: "16",
        targetType: "Complaint",
        targetId: "78",
      },
    ],
    [
      "2026-03-10T12:00:00.000Z",
      {
        action: "f.case.close",
        actorId: 7,
        actorEmail: "ana_ruiz@sesnsp.gob.mx",
        stateCode: "14",
        outcome: "DENIED",
        targetType: "Complaint",
        targetId: "77",
      },
    ],
    ["2026-03-11T05:59:59.999Z", { action: "f.user.edit", actorId: 9, actorEmail: "100%@example.test", targetType: "User", targetId: "3" }],
    ["2026-03-11T06:00:00.000Z", { action: "f.case", stateCode: "14", outcome: "DENIED" }],
    ["2022-04-04T04:59:59.999Z", { action: "f.old", actorId: 7, stateCode: "16", metadata: { nota: "Michoacán" } }],
    ["2022-04-04T05:00:00.000Z", { action: "fx.other", actorEmail: "ANA@x.test", changes: { name: { before: "a", after: "b" } } }],
  ];
  for (const [at, fields] of events) await appendAt(db, at, { ...fields, role: fields.role ?? null });
});

describe("audit.list agrees with the filter semantics and with the CSV export", () => {
  it.each([auditor, michoacanAg])("lists exactly the matching events under every filter ($role)", async (scope) => {
    const { db } = test.current;
    for (const filters of FILTERS) {
      const expected = await expectedIds(scope, filters);
      const listed = await listAuditEvents(db, scope, { ...filters, page: 1, pageSize: 200 });
      expect({ filters, total: listed.total, ids: listed.rows.map((r) => r.id) }).toEqual({
        filters,
        total: expected.length,
        ids: expected.slice(0, 200),
      });
    }
  });

  it.each([auditor, michoacanAg])("exports exactly the events the list shows under every filter ($role)", async (scope) => {
    for (const filters of FILTERS) {
      const expected = await expectedIds(scope, filters);
      expect({ filters, exported: await exportedIds(scope, filters) }).toEqual({ filters, exported: [...expected].reverse() });
    }
  });

  it("takes % and _ in an actor or action search literally, alike in the list and the export", async () => {
    const { db } = test.current;
    for (const filters of [
      { actor: "ana_ruiz" },
      { actor: "ana%ruiz" },
      { actor: "100%" },
      { actor: "%" },
      { actor: "\\" },
      { action: "f._ase" },
      { action: "f.case" },
      { action: "%" },
    ] as AuditFilterInput[]) {
      const listed = await listAuditEvents(db, auditor, { ...filters, page: 1, pageSize: 200 });
      const expected = (await expectedIds(auditor, filters)).filter((id) => BigInt(id) <= BigInt(listed.rows[0]?.id ?? 0));
      const exported = (await exportedIds(auditor, filters)).filter((id) => BigInt(id) <= BigInt(listed.rows[0]?.id ?? 0));
      expect(
        listed.rows.map((r) => r.id),
        JSON.stringify(filters),
      ).toEqual(expected);
      expect(exported, JSON.stringify(filters)).toEqual([...expected].reverse());
    }
    // "_" is no wildcard: only the two Ana_Ruiz/ana_ruiz rows, and "%" finds only the address that has one.
    expect((await listAuditEvents(db, auditor, { actor: "ana_ruiz", page: 1, pageSize: 50 })).total).toBe(2);
    expect((await listAuditEvents(db, auditor, { actor: "%", page: 1, pageSize: 50 })).total).toBe(1);
    expect((await listAuditEvents(db, auditor, { action: "f._ase", page: 1, pageSize: 50 })).total).toBe(0);
  });

  it("returns rows exactly as stored (ids as strings, dates, JSON) and the total past the last page", async () => {
    const { db } = test.current;
    const listed = await listAuditEvents(db, auditor, { action: "f", page: 1, pageSize: 200 });
    const stored = await db.auditEvent.findMany({ where: { action: { startsWith: "f" } }, orderBy: { id: "desc" } });
    // No User or Department row matches these fixtures' ids: the joined names are empty.
    const noNames = { actorName: null, actorUserEmail: null, targetName: null };
    expect(listed.rows).toEqual(stored.map((e) => ({ ...e, id: e.id.toString(), ...noNames })));
    expect(listed.rows.find((r) => r.action === "f.old")?.metadata).toEqual({ nota: "Michoacán" });
    const beyond = await listAuditEvents(db, auditor, { action: "f", page: 50, pageSize: 2 });
    expect(beyond).toEqual({ total: 7, page: 50, pageSize: 2, rows: [] });
    const recorded = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(recorded).toMatchObject({
      action: "audit.list",
      metadata: { filters: { action: "f" }, page: 50, pageSize: 2, total: 7, shown: 0 },
    });
  });
});

describe("AuditEventCount (trigger on AuditEvent)", () => {
  it("holds exactly the number of events per state, whatever wrote them", async () => {
    const { db } = test.current;
    await db.auditEvent.count();
    const byState = await db.$queryRaw<{ stateCode: string; events: bigint }[]>`
      select coalesce("stateCode"::text, '') as "stateCode", count(*) as events from "AuditEvent" group by 1 order by 1`;
    const counted = await db.auditEventCount.findMany({ orderBy: { stateCode: "asc" } });
    expect(counted).toEqual(byState);
    expect(counted.map((c) => c.stateCode)).toEqual(["", "14", "16"]);
  });

  it("stays exact under concurrent writers, and the unfiltered list total follows it", async () => {
    const { db } = test.current;
    const before = await listAuditEvents(db, michoacanAg, { page: 1, pageSize: 1 });
    const writer = (n: number) => async () => {
      for (let i = 0; i < 15; i++)
        await recordAuditNow(db, { actor: { userId: n }, action: "f.load" as AuditAction, stateCode: i % 2 === 0 ? "16" : null });
    };
    await Promise.all([1, 2, 3, 4].map((n) => writer(n)()));
    const perState = await db.$queryRaw<{ stateCode: string; events: bigint }[]>`
      select coalesce("stateCode"::text, '') as "stateCode", count(*) as events from "AuditEvent" group by 1 order by 1`;
    expect(await db.auditEventCount.findMany({ orderBy: { stateCode: "asc" } })).toEqual(perState);
    const after = await listAuditEvents(db, michoacanAg, { page: 1, pageSize: 1 });
    expect(after.total).toBe(before.total + 4 * 8);
    expect(after.total).toBe(await db.auditEvent.count({ where: { stateCode: "16" } }));
  });
});
