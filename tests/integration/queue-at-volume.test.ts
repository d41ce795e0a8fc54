import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Level } from "~/generated/prisma/enums";
import { detectAndDispatch } from "~/server/alerts/cycle";
import { createCaller } from "~/server/api/root";
import type { Scope } from "~/server/authz/scope";
import { dismissMany } from "~/server/recommendations/dismiss-many";
import { listRecommendations } from "~/server/recommendations/list-recommendations";
import { DEFAULT_QUEUE_QUERY, type QueueQuery, queueQueryFromSearch, queueSearch } from "~/server/recommendations/queue-query";
import { deleteFilter, listSavedFilters, saveFilter } from "~/server/recommendations/saved-filters";
import { alertUser, subscribe } from "../support/alerts-fixtures";
import { useTestDatabase } from "../support/database";
import { createDepartment, createRun, createUser, type TestUser } from "../support/workflow-fixtures";

/**
 * The decision queue at volume: every filter, sort and page the service answers is compared with a plain
 * in-memory reference over the same rows; bulk dismissal is all or nothing and audited per item; an AG is
 * offered only REVIEW-level decisions; saved filters belong to their owner.
 */
const test = useTestDatabase();
let supervisor: TestUser, agMichoacan: TestUser, analyst: TestUser;
const NOW = new Date("2026-12-05T18:00:00Z");
const DAY = 86_400_000;
const LEVELS: Level[] = ["NONE", "WATCH", "REVIEW", "RECEIVERSHIP"];
const RULES = ["vetting-coverage", "training-compliance", "serious-abuse"];
const JUSTIFICATION = "Los datos del padrón se corrigieron en la importación del 1 de diciembre; no procede.";

type Seeded = {
  id: number;
  version: number;
  level: Level;
  previousLevel: Level;
  stateCode: string;
  kind: "MUNICIPAL" | "STATE";
  departmentCode: string;
  createdAt: Date;
  activeOfficers: number | null;
  fired: string[];
};
const seeded: Seeded[] = [];

beforeAll(async () => {
  const { db } = test.current;
  supervisor = await createUser(db, "IA_SUPERVISOR");
  agMichoacan = await createUser(db, "STATE_AG", "16");
  analyst = await createUser(db, "IA_ANALYST");
  // 240 recommendations: levels, rises, states, kinds, sizes (with ties and unknowns) and ages vary independently.
  for (let i = 0; i < 240; i++) {
    const stateCode = ["16", "14", "09"][i % 3]!;
    const kind = i % 5 === 0 ? "STATE" : "MUNICIPAL";
    const department = await createDepartment(db, stateCode, kind);
    const level = LEVELS[1 + (Math.floor(i / 3) % 3)]!;
    const previousLevel = LEVELS[(i * 7) % LEVELS.indexOf(level)]!;
    const fired = RULES.filter((_, r) => (i >> r) % 2 === 1);
    const { run, results } = await createRun(db, {
      asOf: "2026-11-28",
      results: [
        {
          departmentId: department.id,
          level,
          rules: RULES.map((id) => ({ id, level: fired.includes(id) ? level : "NONE", value: i })),
        },
      ],
    });
    const activeOfficers = i % 11 === 0 ? null : (i * 37) % 400;
    await db.evaluationResult.update({ where: { id: results[0]!.id }, data: { activeOfficers } });
    // Ages from 0 to 119 days, some sharing an instant (ties resolved by id).
    const createdAt = new Date(NOW.getTime() - (i % 120) * DAY - (i % 4 === 0 ? 0 : 3_600_000));
    const rec = await db.recommendation.create({
      data: { departmentId: department.id, evaluationRunId: run.id, evaluationResultId: results[0]!.id, level, previousLevel, createdAt },
    });
    seeded.push({
      id: rec.id,
      version: rec.version,
      level,
      previousLevel,
      stateCode,
      kind,
      departmentCode: department.code,
      createdAt,
      activeOfficers,
      fired,
    });
  }
}, 120_000);

/** The reference: the queue's meaning written plainly over the seeded rows. */
function reference(scope: Scope, q: QueueQuery, open: Seeded[]) {
  const rank = (l: Level) => LEVELS.indexOf(l);
  const rows = open.filter(
    (r) =>
      (scope.role !== "STATE_AG" || r.stateCode === scope.stateCode) &&
      (!q.stateCode || r.stateCode === q.stateCode) &&
      (!q.kind || r.kind === q.kind) &&
      (!q.toLevel || r.level === q.toLevel) &&
      (!q.fromLevel || r.previousLevel === q.fromLevel) &&
      (!q.rule || r.fired.includes(q.rule)) &&
      (q.minAgeDays === undefined || r.createdAt.getTime() <= NOW.getTime() - q.minAgeDays * DAY) &&
      (q.minOfficers === undefined || (r.activeOfficers !== null && r.activeOfficers >= q.minOfficers)) &&
      (q.maxOfficers === undefined || (r.activeOfficers !== null && r.activeOfficers <= q.maxOfficers)),
  );
  const oldest = (a: Seeded, b: Seeded) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
  const bySize = (a: Seeded, b: Seeded) => (b.activeOfficers ?? -1) - (a.activeOfficers ?? -1);
  const bySeverity = (a: Seeded, b: Seeded) => rank(b.level) - rank(a.level) || rank(a.previousLevel) - rank(b.previousLevel);
  const order = {
    age: oldest,
    size: (a: Seeded, b: Seeded) => bySize(a, b) || oldest(a, b),
    severity: (a: Seeded, b: Seeded) => bySeverity(a, b) || oldest(a, b),
  };
  rows.sort(order[q.sort]);
  return { total: rows.length, ids: rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((r) => r.id) };
}

const queries = fc.record(
  {
    stateCode: fc.constantFrom("16", "14", "09", "01"),
    kind: fc.constantFrom("MUNICIPAL" as const, "STATE" as const),
    toLevel: fc.constantFrom(...LEVELS),
    fromLevel: fc.constantFrom(...LEVELS),
    rule: fc.constantFrom(...RULES),
    minAgeDays: fc.constantFrom(0, 1, 7, 30, 90, 119, 120),
    minOfficers: fc.constantFrom(0, 37, 100, 399),
    maxOfficers: fc.constantFrom(0, 37, 200, 400),
    sort: fc.constantFrom("severity" as const, "age" as const, "size" as const),
    page: fc.integer({ min: 1, max: 6 }),
    pageSize: fc.constantFrom(25, 50),
  },
  { requiredKeys: ["sort", "page", "pageSize"] },
);

describe("the decision queue at volume", () => {
  it("filters, sorts and pages exactly as the reference, with exact totals, for a supervisor and an AG", async () => {
    const { db } = test.current;
    const mine = new Set(seeded.map((s) => s.id));
    await fc.assert(
      fc.asyncProperty(queries, fc.boolean(), async (partial, asAg) => {
        const scope = asAg ? agMichoacan : supervisor;
        const query: QueueQuery = { ...DEFAULT_QUEUE_QUERY, ...partial };
        const result = await listRecommendations(db, scope, query, NOW);
        // Only this file's rows exist in its database, but filter to them to stay exact.
        const got = result.rows.filter((r) => mine.has(r.id)).map((r) => r.id);
        const expected = reference(scope, query, seeded);
        expect({ total: result.total, ids: got }).toEqual(expected);
      }),
      { numRuns: 120 },
    );
  });

  it("shows the rules that fired with their values, and offers an AG only REVIEW-level decisions", async () => {
    const { db } = test.current;
    const page = await listRecommendations(db, agMichoacan, { ...DEFAULT_QUEUE_QUERY, pageSize: 200 }, NOW);
    expect(page.rows.length).toBeGreaterThan(0);
    for (const row of page.rows) {
      expect(row.decidable).toBe(row.level === "REVIEW");
      const source = seeded.find((s) => s.id === row.id)!;
      expect(row.rules.map((r) => r.id)).toEqual(source.fired);
      expect(row.rules.every((r) => r.level === row.level && r.value === seeded.indexOf(source))).toBe(true);
    }
    const federal = await listRecommendations(db, supervisor, { ...DEFAULT_QUEUE_QUERY, pageSize: 200 }, NOW);
    expect(federal.rows.every((r) => r.decidable)).toBe(true);
    const readOnly = await listRecommendations(db, analyst, { ...DEFAULT_QUEUE_QUERY, pageSize: 25 }, NOW);
    expect(readOnly.rows.some((r) => r.decidable)).toBe(false);
  });

  it("reads the URL leniently and writes it without defaults", () => {
    const query = queueQueryFromSearch({
      stateCode: "16",
      sort: "age",
      page: "3",
      pageSize: "7",
      minAgeDays: "abc",
      rule: ["serious-abuse", "x"],
    });
    expect(query).toEqual({ ...DEFAULT_QUEUE_QUERY, stateCode: "16", sort: "age", page: 3, rule: "serious-abuse" });
    expect(queueSearch(query)).toBe("stateCode=16&rule=serious-abuse&sort=age&page=3");
    expect(queueQueryFromSearch(Object.fromEntries(new URLSearchParams(queueSearch(query))))).toEqual(query);
  });
});

describe("bulk dismissal", () => {
  const open = (filter: (s: Seeded) => boolean, n: number) => seeded.filter(filter).slice(0, n);

  it("dismisses every selected item or none, and audits each one", async () => {
    const { db } = test.current;
    const picked = open((s) => s.stateCode === "14", 4);
    expect(picked).toHaveLength(4);
    const decided = open((s) => s.stateCode === "09", 1)[0]!;
    await dismissMany(db, supervisor, {
      items: [{ id: decided.id, version: decided.version }],
      reason: "DATA_ERROR",
      justification: JUSTIFICATION,
    });
    const before = await db.auditEvent.count();
    // One already decided in the selection: nothing changes, and the error names it.
    const items = [...picked, decided].map((s) => ({ id: s.id, version: s.version }));
    await expect(dismissMany(db, supervisor, { items, reason: "DATA_ERROR", justification: JUSTIFICATION })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(String(decided.id)),
    });
    expect(await db.recommendation.count({ where: { id: { in: picked.map((p) => p.id) }, status: "OPEN" } })).toBe(4);
    expect(await db.auditEvent.count()).toBe(before);
    // A short justification is refused before anything is read.
    await expect(
      dismissMany(db, supervisor, { items: items.slice(0, 4), reason: "DATA_ERROR", justification: "corto" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const done = await dismissMany(db, supervisor, { items: items.slice(0, 4), reason: "FALSE_POSITIVE", justification: JUSTIFICATION });
    expect(done.dismissed).toBe(4);
    const rows = await db.recommendation.findMany({ where: { id: { in: picked.map((p) => p.id) } } });
    expect(rows.every((r) => r.status === "DISMISSED" && r.dismissReason === "FALSE_POSITIVE" && r.decidedById === supervisor.userId)).toBe(
      true,
    );
    const audits = await db.auditEvent.findMany({
      where: { action: "recommendation.dismiss", targetId: { in: picked.map((p) => String(p.id)) } },
    });
    expect(audits).toHaveLength(4);
    const batches = new Set(audits.map((a) => (a.metadata as { bulk: { batch: string; size: number } }).bulk.batch));
    expect(batches.size).toBe(1);
    for (const p of picked) seeded.splice(seeded.indexOf(p), 1);
    seeded.splice(seeded.indexOf(decided), 1);
  });

  it("refuses an AG a federal-level item in the selection, and another state's items as not found", async () => {
    const { db } = test.current;
    const review = open((s) => s.stateCode === "16" && s.level === "REVIEW", 2);
    const watch = open((s) => s.stateCode === "16" && s.level === "WATCH", 1);
    const jalisco = open((s) => s.stateCode === "14" && s.level === "REVIEW", 1);
    expect([review.length, watch.length, jalisco.length]).toEqual([2, 1, 1]);
    const asItems = (list: Seeded[]) => list.map((s) => ({ id: s.id, version: s.version }));
    await expect(
      dismissMany(db, agMichoacan, { items: asItems([...review, ...watch]), reason: "OTHER", justification: JUSTIFICATION }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      dismissMany(db, agMichoacan, { items: asItems([...review, ...jalisco]), reason: "OTHER", justification: JUSTIFICATION }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      await db.recommendation.count({ where: { id: { in: [...review, ...watch, ...jalisco].map((s) => s.id) }, status: "OPEN" } }),
    ).toBe(4);
    const call = createCaller({ db, scope: agMichoacan, meta: { ip: "10.0.0.9", userAgent: "vitest" } });
    expect(
      (await call.recommendations.dismissMany({ items: asItems(review), reason: "OTHER", justification: JUSTIFICATION })).dismissed,
    ).toBe(2);
    for (const p of review) seeded.splice(seeded.indexOf(p), 1);
  });
});

describe("saved filters", () => {
  it("are the owner's own, normalised through the queue's parser, replaced by name and deleted", async () => {
    const { db } = test.current;
    const saved = await saveFilter(db, supervisor, { name: " Jalisco, más antiguas ", query: "stateCode=14&sort=age&page=4&bogus=1" });
    expect(saved).toMatchObject({ name: "Jalisco, más antiguas", query: "stateCode=14&sort=age" });
    await saveFilter(db, supervisor, { name: "Jalisco, más antiguas", query: "stateCode=14&sort=size" });
    expect(await listSavedFilters(db, supervisor)).toEqual([
      { id: saved.id, name: "Jalisco, más antiguas", query: "stateCode=14&sort=size" },
    ]);
    expect(await listSavedFilters(db, agMichoacan)).toEqual([]);
    await expect(deleteFilter(db, agMichoacan, saved.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveFilter(db, supervisor, { name: "  ", query: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await deleteFilter(db, supervisor, saved.id);
    expect(await listSavedFilters(db, supervisor)).toEqual([]);
    expect(await db.auditEvent.count({ where: { targetType: "SavedQueueFilter", targetId: String(saved.id) } })).toBe(3);
  });
});

describe("pending-your-decision alerts", () => {
  it("list for an AG only the REVIEW-level items of their state, and everything for a supervisor", async () => {
    const { db } = test.current;
    const ag = await alertUser(db, "STATE_AG", { stateCode: "16" });
    const federal = await alertUser(db, "IA_SUPERVISOR");
    for (const user of [ag, federal]) await subscribe(db, user.id, [{ trigger: "RECOMMENDATION_AWAITING", frequency: "IMMEDIATE" }]);
    await db.$transaction((tx) => detectAndDispatch(tx, NOW));
    const events = await db.alertEvent.findMany({ where: { trigger: "RECOMMENDATION_AWAITING" } });
    const byId = new Map(seeded.map((s) => [s.id, s]));
    const items = events.map((e) => (e.payload as { items: { recommendationId: number }[] }).items[0]!.recommendationId);
    const known = items.filter((id) => byId.has(id));
    const forAg = known.filter((id) => byId.get(id)!.stateCode === "16" && byId.get(id)!.level === "REVIEW");
    expect(known.some((id) => byId.get(id)!.stateCode === "16" && byId.get(id)!.level !== "REVIEW")).toBe(true);
    expect(forAg.length).toBeGreaterThan(0);
    // One email per subscription, listing what the recipient may decide.
    const [toAg] = await db.outboxEmail.findMany({ where: { userId: ag.id } });
    const [toFederal] = await db.outboxEmail.findMany({ where: { userId: federal.id } });
    for (const id of known) {
      const { stateCode, level, departmentCode } = byId.get(id)!;
      expect(toAg!.text.includes(departmentCode), departmentCode).toBe(stateCode === "16" && level === "REVIEW");
      expect(toFederal!.text.includes(departmentCode), departmentCode).toBe(true);
    }
  });
});
