import { TRPCError } from "@trpc/server";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { auditCsvResponse } from "~/app/audit/export/csv-response";
import type { Role } from "~/generated/prisma/enums";
import { AUDIT_CSV_COLUMNS } from "~/server/audit/export";
import { recordAuditNow } from "~/server/audit/record";
import { listAuditEvents } from "~/server/audit/search";
import { verifyAuditChain } from "~/server/audit/verify";
import { useTestDatabase } from "../support/database";
import { appendAt } from "./audit-fixture";
import { TEST_ORIGIN, callerFor } from "../support/trpc-context";

const test = useTestDatabase();
const auditor = { userId: 900, role: "AUDITOR" as Role, stateCode: null, sessionId: "s".repeat(64) };

async function ids(filters: Parameters<ReturnType<typeof callerFor>["audit"]["list"]>[0]) {
  const result = await callerFor(test.current.db, auditor).audit.list(filters);
  return result.rows.map((r) => r.action);
}

beforeAll(async () => {
  const { db } = test.current;
  // Around Mexico City's local midnights of 2026-03-10 and 2026-03-11 (UTC-6).
  await appendAt(db, "2026-03-10T05:59:59.999Z", {
    action: "t.edge.before",
    actorId: 1,
    actorEmail: "Ana.Lopez@sesnsp.gob.mx",
    role: "IA_ANALYST",
  });
  await appendAt(db, "2026-03-10T06:00:00.000Z", {
    action: "t.edge.first",
    actorId: 2,
    actorEmail: "luis@fiscalia16.gob.mx",
    role: "STATE_AG",
    stateCode: "16",
    targetType: "Complaint",
    targetId: "77",
  });
  await appendAt(db, "2026-03-11T05:59:59.999Z", {
    action: "t.edge.last",
    actorId: 2,
    actorEmail: "luis@fiscalia16.gob.mx",
    role: "STATE_AG",
    stateCode: "16",
    outcome: "DENIED",
  });
  await appendAt(db, "2026-03-11T06:00:00.000Z", {
    action: "t.edge.after",
    actorId: 1,
    actorEmail: "ana.lopez@sesnsp.gob.mx",
    stateCode: "14",
    targetType: "Complaint",
    targetId: "78",
  });
  // The last day of daylight saving time in the old rules: local midnight was 05:00Z.
  await appendAt(db, "2022-04-04T04:59:59.999Z", {
    action: "t.dst.in",
    actorEmail: '=HYPERLINK("http://evil","x")',
    userAgent: "@SUM(1+1)",
  });
  await appendAt(db, "2022-04-04T05:00:00.000Z", { action: "t.dst.out", metadata: { nota: 'Michoacán, "comillas"\nsalto' } });
});

describe("audit.list filters", () => {
  it("reads dates as Mexico City calendar days, boundaries included and excluded exactly", async () => {
    expect(await ids({ from: "2026-03-10", to: "2026-03-10" })).toEqual(["t.edge.last", "t.edge.first"]);
    expect(await ids({ from: "2026-03-10", action: "t.edge" })).toEqual(["t.edge.after", "t.edge.last", "t.edge.first"]);
    expect(await ids({ to: "2026-03-10", action: "t.edge" })).toEqual(["t.edge.last", "t.edge.first", "t.edge.before"]);
    expect(await ids({ from: "2026-03-09", to: "2026-03-09", action: "t." })).toEqual(["t.edge.before"]);
    expect(await ids({ from: "2022-04-03", to: "2022-04-03" })).toEqual(["t.dst.in"]);
    expect(await ids({ from: "2022-04-04", to: "2022-04-04" })).toEqual(["t.dst.out"]);
  });

  it("filters by actor id, actor email (any case), action prefix, target, state and outcome", async () => {
    expect(await ids({ actor: "1" })).toEqual(["t.edge.after", "t.edge.before"]);
    expect(await ids({ actor: "ANA.LOPEZ" })).toEqual(["t.edge.after", "t.edge.before"]);
    expect(await ids({ action: "t.dst." })).toEqual(["t.dst.out", "t.dst.in"]);
    expect(await ids({ action: "t.dst.in" })).toEqual(["t.dst.in"]);
    expect(await ids({ targetType: "Complaint", targetId: "77" })).toEqual(["t.edge.first"]);
    expect(await ids({ stateCode: "16" })).toEqual(["t.edge.last", "t.edge.first"]);
    expect(await ids({ stateCode: "16", outcome: "DENIED" })).toEqual(["t.edge.last"]);
    expect(await ids({ actor: "nadie@" })).toEqual([]);
  });

  it("pages newest first with an exact total", async () => {
    const caller = callerFor(test.current.db, auditor);
    const first = await caller.audit.list({ action: "t.", pageSize: 4 });
    const second = await caller.audit.list({ action: "t.", pageSize: 4, page: 2 });
    expect(first.total).toBe(6);
    expect(first.rows.map((r) => r.action)).toEqual(["t.dst.out", "t.dst.in", "t.edge.after", "t.edge.last"]);
    expect(second.rows.map((r) => r.action)).toEqual(["t.edge.first", "t.edge.before"]);
    expect(second).toMatchObject({ total: 6, page: 2, pageSize: 4 });
  });

  it("rejects a start after the end with a specific message and reads nothing", async () => {
    const before = await test.current.db.auditEvent.count();
    const error = await callerFor(test.current.db, auditor)
      .audit.list({ from: "2026-03-11", to: "2026-03-10" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: "The start date 2026-03-11 is after the end date 2026-03-10" });
    expect(await test.current.db.auditEvent.count()).toBe(before);
  });

  it("records every read of the trail, in the chain", async () => {
    const { db } = test.current;
    await callerFor(db, auditor).audit.list({ stateCode: "16", page: 1, pageSize: 10 });
    const read = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(read).toMatchObject({
      action: "audit.list",
      outcome: "ALLOWED",
      actorId: 900,
      role: "AUDITOR",
      sessionId: "s".repeat(64),
      ip: TEST_ORIGIN.ip,
      targetType: "AuditEvent",
      metadata: { filters: { stateCode: "16" }, page: 1, pageSize: 10, total: 2, shown: 2 },
    });
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it("shows a state-restricted reader only its state's events (scope inside the where)", async () => {
    const stateAg = { userId: 2, role: "STATE_AG" as Role, stateCode: "16" };
    const result = await listAuditEvents(test.current.db, stateAg, { action: "t.", page: 1, pageSize: 50 });
    expect(result.rows.map((r) => r.action)).toEqual(["t.edge.last", "t.edge.first"]);
    const other = await listAuditEvents(test.current.db, stateAg, { stateCode: "14", page: 1, pageSize: 50 });
    expect(other.total).toBe(0);
  });
});

describe("CSV export (/audit/export)", () => {
  async function download(query: string, role: Role = "AUDITOR") {
    const response = await auditCsvResponse(
      callerFor(test.current.db, { ...auditor, role }),
      new URLSearchParams(query),
      new Date("2026-03-11T05:30:00Z"),
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    // TextDecoder (like Response.text) drops a leading BOM, so look at the raw bytes for it.
    return { response, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, text: new TextDecoder().decode(bytes) };
  }

  it("streams the matching events oldest first, formula-safe, and records the export with its row count", async () => {
    const { db } = test.current;
    const { response, bom, text } = await download("action=t.&to=2026-03-10");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="auditoria-2026-03-10.csv"');
    expect(bom).toBe(true);
    const parsed: string[][] = parse(text);
    const [header, ...rows] = parsed;
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    const col = (name: (typeof AUDIT_CSV_COLUMNS)[number]) => AUDIT_CSV_COLUMNS.indexOf(name);
    expect(rows.map((r) => r[col("action")])).toEqual(["t.edge.before", "t.edge.first", "t.edge.last", "t.dst.in", "t.dst.out"]);
    const dstIn = rows[3]!;
    expect(dstIn[col("actor_email")]).toBe('\'=HYPERLINK("http://evil","x")');
    expect(dstIn[col("user_agent")]).toBe("'@SUM(1+1)");
    expect(dstIn[col("occurred_at_utc")]).toBe("2022-04-04T04:59:59.999Z");
    expect(dstIn[col("occurred_at_mexico_city")]).toBe("2022-04-03 23:59:59");
    expect(JSON.parse(rows[4]![col("metadata")]!)).toEqual({ nota: 'Michoacán, "comillas"\nsalto' });
    expect(rows[0]![col("occurred_at_mexico_city")]).toBe("2026-03-09 23:59:59");
    const recorded = await db.auditEvent.findFirstOrThrow({ where: { action: "audit.export" }, orderBy: { id: "desc" } });
    expect(recorded).toMatchObject({
      actorId: 900,
      outcome: "ALLOWED",
      metadata: { filters: { action: "t.", to: "2026-03-10" }, rows: 5 },
    });
  });

  it("holds exactly the rows counted when it started, even if matching events arrive while it streams", async () => {
    const { db } = test.current;
    const response = await auditCsvResponse(callerFor(db, auditor), new URLSearchParams("action=audit.list"));
    const counted = (await db.auditEvent.findFirstOrThrow({ where: { action: "audit.export" }, orderBy: { id: "desc" } })).metadata as {
      rows: number;
    };
    await recordAuditNow(db, { actor: { userId: 1 }, action: "audit.list" });
    const parsed: string[][] = parse(await response.text());
    const rows = parsed.slice(1);
    expect(counted.rows).toBeGreaterThan(0);
    expect(rows).toHaveLength(counted.rows);
  });

  it("answers 400 in Spanish for malformed filters and 403 (audited) for a role without audit.export", async () => {
    const bad = await download("from=2026-02-30&state=7");
    expect(bad.response.status).toBe(400);
    expect(bad.text).toBe("Corrija estos filtros antes de buscar: Entidad, Desde (día).\n");
    const denied = await download("", "IA_SUPERVISOR");
    expect(denied.response.status).toBe(403);
    const event = await test.current.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "audit.export", outcome: "DENIED", role: "IA_SUPERVISOR" });
  });
});
