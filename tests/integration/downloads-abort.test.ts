import type { AuditAction } from "~/server/audit/actions";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "~/app/api/exports/[file]/route";
import { downloadStream, openDownload } from "~/server/http/download";
import { DEPARTMENTS_CSV, OFFICERS_CSV, errorLines, importCsv } from "../fixtures/imports/support";
import { useTestDatabase } from "../support/database";
import { routeSession } from "../support/route-session";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "d".repeat(48);
});

const test = useTestDatabase();
const SITE = "http://127.0.0.1:3000";
// Enough rows that the file is far larger than any socket or stream buffer (about 300 KB).
const TRAINING_ROWS = 7_000;
let cookie = "";

const idleInTransaction = async () => {
  const [row] = await test.current.db.$queryRaw<{ n: number }[]>`
    select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`;
  return row!.n;
};

async function waitUntil(check: () => Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

const get = (path: string) =>
  exportRoute(new Request(`${SITE}${path}`, { headers: { cookie } }), { params: Promise.resolve({ file: "training.csv" }) });

beforeAll(async () => {
  const { db, url } = test.current;
  process.env.DATABASE_URL = url;
  expect(errorLines(await importCsv(db, "departments", DEPARTMENTS_CSV))).toEqual([]);
  expect(errorLines(await importCsv(db, "officers", OFFICERS_CSV))).toEqual([]);
  await db.$executeRaw`insert into "TrainingRecord" ("officerId", "courseCode", "completedOn", hours)
    select 'OF001', (select code from "TrainingCourse" order by code limit 1), date '2000-01-01' + n, 8
    from generate_series(1, ${TRAINING_ROWS}) n`;
  ({ cookie } = await routeSession(db, "AUDITOR"));
});

describe("an aborted download", () => {
  it("50 exports left after their first chunk release their connections at once, are recorded as aborted, and the app still answers", async () => {
    const { db } = test.current;
    const before = await db.auditEvent.count({ where: { action: "export.aborted" } });
    for (let i = 0; i < 50; i++) {
      const response = await get("/api/exports/training.csv");
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      const header = await reader.read();
      expect(new TextDecoder().decode(header.value)).toBe("officer_id,course_code,completed_on,hours\n");
      expect((await reader.read()).done).toBe(false); // the first page: the export's cursor is open now
      await reader.cancel(); // what Next.js does when the client closes the connection
      expect(await waitUntil(async () => (await idleInTransaction()) === 0, 1_000)).toBe(true);
    }
    expect(await db.auditEvent.count({ where: { action: "export.aborted" } })).toBe(before + 50);
    const aborted = await db.auditEvent.findFirstOrThrow({ where: { action: "export.aborted" }, orderBy: { id: "desc" } });
    expect(aborted).toMatchObject({ role: "AUDITOR", targetId: "training" });
    expect((aborted.metadata as { bytes: number }).bytes).toBeGreaterThan(0);
    // The pool (10 connections) is whole: a full export still streams to the end.
    const full = await (await get("/api/exports/training.csv")).text();
    expect(full.split("\n")).toHaveLength(TRAINING_ROWS + 2);
    const completed = await db.auditEvent.findFirstOrThrow({ where: { action: "export.completed" }, orderBy: { id: "desc" } });
    expect(completed.metadata).toMatchObject({ kind: "training", rows: TRAINING_ROWS, bytes: Buffer.byteLength(full) });
    expect(await idleInTransaction()).toBe(0);
  });

  it("records the start before the first byte is read", async () => {
    const { db } = test.current;
    const before = await db.auditEvent.count({ where: { action: "export" } });
    const response = await get("/api/exports/training.csv");
    expect(await db.auditEvent.count({ where: { action: "export" } })).toBe(before + 1);
    await response.body!.cancel();
  });

  it("drops a client that stops reading: the body is closed and the stall recorded as an abort", async () => {
    const { db } = test.current;
    let closed = false;
    async function* body() {
      try {
        for (let i = 0; ; i++) yield `chunk ${i}\n`;
      } finally {
        closed = true;
      }
    }
    const chunks = await openDownload({ db, actor: { userId: null }, event: { action: "test.download" as AuditAction }, body: body() });
    const reader = downloadStream(chunks, 200).getReader();
    expect((await reader.read()).done).toBe(false);
    expect(await waitUntil(async () => closed, 2_000)).toBe(true);
    await expect(reader.read()).rejects.toThrow("download stalled");
    expect(await waitUntil(async () => (await db.auditEvent.count({ where: { action: "test.download.aborted" } })) === 1, 2_000)).toBe(
      true,
    );
  });
});
