import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { departmentComplaints } from "~/server/departments/department-complaints";
import { departmentOfficers } from "~/server/departments/department-officers";
import { useTestDatabase } from "../support/database";
import { createDepartment, createUser, type TestUser } from "../support/workflow-fixtures";

const test = useTestDatabase();
const D = "2026-06-30";
const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`);
let analyst: TestUser, agJalisco: TestUser;
let department: { id: number; code: string };
const FAMILY = ["García", "López", "Pérez", "Núñez", "O'Brien", "100%_Real", "Díaz"];
const GIVEN = ["Ana", "Luis", "María José", "Juan"];
const STATUSES = ["RECEIVED", "INVESTIGATING", "SUSTAINED", "WITHDRAWN"] as const;
const CATEGORIES = ["TORTURE", "OTHER", "EXTORTION"] as const;
type Officer = { id: string; givenName: string; familyName: string; hiredOn: string; separatedOn: string | null };
const officers: Officer[] = [];
const complaints: { id: number; ref: string; receivedOn: string; status: string; category: string }[] = [];

beforeAll(async () => {
  const { db } = test.current;
  analyst = await createUser(db, "IA_ANALYST");
  agJalisco = await createUser(db, "STATE_AG", "14");
  department = await createDepartment(db, "16");
  for (let i = 0; i < 37; i++) {
    // Every 5th was separated by D, every 7th hired after D: neither is active at D.
    const o: Officer = {
      id: `RST${String(i).padStart(3, "0")}`,
      givenName: GIVEN[i % GIVEN.length]!,
      familyName: FAMILY[i % FAMILY.length]!,
      hiredOn: i % 7 === 6 ? "2026-07-01" : "2020-01-01",
      separatedOn: i % 5 === 4 ? D : null,
    };
    officers.push(o);
    await db.officer.create({
      data: { ...o, departmentId: department.id, hiredOn: day(o.hiredOn), separatedOn: o.separatedOn ? day(o.separatedOn) : null },
    });
  }
  for (let i = 0; i < 29; i++) {
    const c = {
      ref: `RQ-${i % 3 === 0 ? "A" : "B"}-${String(i).padStart(3, "0")}`,
      receivedOn: `2026-0${1 + (i % 6)}-${String(10 + (i % 3)).padStart(2, "0")}`,
      status: STATUSES[i % STATUSES.length]!,
      category: CATEGORIES[i % CATEGORIES.length]!,
    };
    const row = await db.complaint.create({
      data: {
        ...c,
        departmentId: department.id,
        receivedOn: day(c.receivedOn),
        source: "CITIZEN",
        resolvedOn: c.status === "SUSTAINED" ? day("2026-06-01") : null,
      },
    });
    complaints.push({ id: row.id, ...c });
  }
});

const collator = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const contains = (text: string, q: string) => text.toLowerCase().includes(q.toLowerCase());

/** The plain reference: officers active at D matching q, ordered as the database orders names. */
async function referenceOfficers(q: string) {
  const { db } = test.current;
  const ordered = await db.$queryRaw<{ id: string }[]>`
    select id from "Officer" where "departmentId" = ${department.id} order by "familyName", "givenName", id`;
  const rank = new Map(ordered.map((o, i) => [o.id, i]));
  return officers
    .filter((o) => o.hiredOn <= D && (o.separatedOn === null || o.separatedOn > D))
    .filter(
      (o) =>
        !q ||
        contains(o.id, q) ||
        contains(`${o.givenName} ${o.familyName}`, q) ||
        contains(`${o.familyName} ${o.givenName}`, q) ||
        contains(`${o.familyName}, ${o.givenName}`, q),
    )
    .sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)
    .map((o) => o.id);
}

const actor = () => ({ userId: analyst.userId, role: analyst.role });

describe("the dossier's paged officers", () => {
  it("pages to the end exactly, for any page size and search, with the exact total (property)", async () => {
    const { db } = test.current;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom("", "garcía", "RST01", "maría josé", "Pérez, Ana", "%", "_", "o'b", "100%_", "nadie"),
        async (pageSize, q) => {
          const expected = await referenceOfficers(q);
          const seen: string[] = [];
          const pages = Math.max(1, Math.ceil(expected.length / pageSize));
          for (let page = 1; page <= pages + 1; page++) {
            const result = await departmentOfficers(db, analyst, actor(), { departmentCode: department.code, q, page, pageSize }, D);
            expect(result.total).toBe(expected.length);
            if (page > pages) expect(result.rows).toEqual([]);
            seen.push(...result.rows.map((r) => r.id));
          }
          expect(seen).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("audits each page as a view of named officers; another state's AG gets NOT_FOUND and no audit row", async () => {
    const { db } = test.current;
    const before = await db.auditEvent.count({ where: { action: "department.officers.view" } });
    await departmentOfficers(db, analyst, actor(), { departmentCode: department.code, q: "López", page: 2, pageSize: 3 }, D);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "department.officers.view" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ targetId: department.code, metadata: { page: 2, pageSize: 3, q: "López" } });
    await expect(
      departmentOfficers(db, agJalisco, { userId: agJalisco.userId }, { departmentCode: department.code, page: 1, pageSize: 50 }, D),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditEvent.count({ where: { action: "department.officers.view" } })).toBe(before + 1);
  });
});

describe("the dossier's paged complaints", () => {
  it("pages newest first with status, category and reference filters, matching a plain reference (property)", async () => {
    const { db } = test.current;
    const ordered = await db.$queryRaw<{ ref: string }[]>`
      select ref from "Complaint" where "departmentId" = ${department.id} order by "receivedOn" desc, ref`;
    const rank = new Map(ordered.map((c, i) => [c.ref, i]));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom("", "rq-a", "-00", "B-02", "zzz"),
        fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
        fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined }),
        async (pageSize, q, status, category) => {
          const expected = complaints
            .filter((c) => (!q || contains(c.ref, q)) && (!status || c.status === status) && (!category || c.category === category))
            .sort((a, b) => rank.get(a.ref)! - rank.get(b.ref)! || collator(a.ref, b.ref))
            .map((c) => c.ref);
          const seen: string[] = [];
          for (let page = 1; page <= Math.ceil(expected.length / pageSize); page++) {
            const result = await departmentComplaints(db, analyst, {
              departmentCode: department.code,
              q,
              status,
              category,
              page,
              pageSize,
            });
            expect(result.total).toBe(expected.length);
            seen.push(...result.rows.map((r) => r.ref));
          }
          expect(seen).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("answers another state's AG NOT_FOUND through the router, and rejects unknown filters", async () => {
    const { db } = test.current;
    const call = (scope: TestUser) => createCaller({ db, scope, meta: { ip: null, userAgent: null } }).departments;
    await expect(call(agJalisco).complaints({ departmentCode: department.code })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(call(analyst).complaints({ departmentCode: department.code, status: "LOST" as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await call(analyst).complaints({ departmentCode: department.code, pageSize: 200 })).rows).toHaveLength(29);
  });
});
