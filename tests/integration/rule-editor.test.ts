import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { createDraft, deleteDraft, updateDraft } from "~/server/rule-sets/drafts";
import { dryRun } from "~/server/rule-sets/dry-run";
import { publishDraft } from "~/server/rule-sets/publish";
import { getRuleSetVersion, listRuleSets } from "~/server/rule-sets/read";
import { todayIn } from "~/server/rules/dates";
import { loadRuleSetVersion } from "~/server/rules/rule-sets";
import { useTestDatabase } from "../support/database";
import {
  dataset,
  healthyDepartment,
  publishedDefinition,
  setThreshold,
  withoutApproval,
  withoutTraining,
} from "../support/rule-editor-fixtures";
import { clearDataset, loadDataset } from "../support/rules-dataset";
import { type TestUser, createUser } from "../support/workflow-fixtures";

const test = useTestDatabase();
const D = "2026-06-30";
let admin: TestUser;

/**
 * Four departments of ten officers at D under federal-baseline v1:
 * RE-A V = 90 (NONE), RE-B T = 50 (REVIEW), RE-C all fine (NONE), RE-D V = 80 (WATCH).
 */
beforeAll(async () => {
  const { db } = test.current;
  admin = await createUser(db, "ADMIN");
  await clearDataset(db);
  await loadDataset(
    db,
    dataset(
      withoutApproval(healthyDepartment("RE-A", 10, "A", D), 1),
      withoutTraining(healthyDepartment("RE-B", 10, "B", D), 5),
      healthyDepartment("RE-C", 10, "C", D),
      withoutApproval(healthyDepartment("RE-D", 10, "D", D), 2),
    ),
  );
});

async function expectAppError(promise: Promise<unknown>, code: AppError["code"], message: RegExp) {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(message);
  return error as AppError;
}

/** A new draft of federal-baseline with WATCH at V < 95 and REVIEW at T < 40. */
async function editedDraft() {
  const { db } = test.current;
  const base = await publishedDefinition(db);
  const draft = await createDraft(db, admin, { fromVersionId: base.id, notes: "stricter vetting, laxer training" });
  const definition = setThreshold(setThreshold(base.definition, "vetting-coverage", "WATCH", 95), "training-compliance", "REVIEW", 40);
  const saved = await updateDraft(db, admin, { id: draft.id, lockVersion: draft.lockVersion, definition });
  return { ...draft, lockVersion: saved.lockVersion, baseId: base.id };
}

describe("rule editor: drafts and dry-run", () => {
  it("copies a published version into a draft, saves an edit and shows exactly the departments whose level would change", async () => {
    const { db } = test.current;
    const draft = await editedDraft();
    expect(draft.lockVersion).toBe(2);
    const stored = await getRuleSetVersion(db, admin, { id: draft.id });
    expect(stored).toMatchObject({
      status: "DRAFT",
      basedOn: { id: draft.baseId, version: 1 },
      current: { version: 1 },
      notes: "stricter vetting, laxer training",
    });

    const result = await dryRun(db, admin, { versionId: draft.id, asOf: D });
    expect(result.asOf).toBe(D);
    expect(result.departments).toBe(4);
    expect(result.changes).toEqual([
      { code: "RE-A", name: "Corporación RE-A", stateCode: "16", kind: "MUNICIPAL", current: "NONE", candidate: "WATCH", direction: "up" },
      {
        code: "RE-B",
        name: "Corporación RE-B",
        stateCode: "16",
        kind: "MUNICIPAL",
        current: "REVIEW",
        candidate: "WATCH",
        direction: "down",
      },
    ]);
    expect(result.counts).toEqual({
      current: { NONE: 2, WATCH: 1, REVIEW: 1, RECEIVERSHIP: 0 },
      candidate: { NONE: 1, WATCH: 3, REVIEW: 0, RECEIVERSHIP: 0 },
    });
    // A dry run stores nothing but its audit event.
    expect(await db.evaluationRun.count()).toBe(0);
    const actions = (
      await db.auditEvent.findMany({ where: { targetType: "RuleSetVersion", targetId: String(draft.id) }, orderBy: { id: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["ruleSet.draft.create", "ruleSet.draft.update", "ruleSet.dryRun"]);
    await deleteDraft(db, admin, { id: draft.id, lockVersion: draft.lockVersion });
  });

  it("dry-runs at today's date in Mexico City when no date is given", async () => {
    const { db } = test.current;
    const { id } = await publishedDefinition(db);
    const result = await dryRun(db, admin, { versionId: id });
    expect(result.asOf).toBe(todayIn("America/Mexico_City"));
    expect(result.changes).toEqual([]);
    await expectAppError(dryRun(db, admin, { versionId: id, asOf: "2026-02-30" }), "BAD_REQUEST", /Invalid evaluation date '2026-02-30'/);
  });

  it("refuses an invalid definition with every problem by field path, and changes nothing", async () => {
    const { db } = test.current;
    const base = await publishedDefinition(db);
    const draft = await createDraft(db, admin, { fromVersionId: base.id });
    const broken = structuredClone(base.definition) as unknown as { rules: Record<string, unknown>[] };
    broken.rules[0]!.levels = [{ level: "WATCH", when: { figure: "X", op: "<", than: 90 } }];
    (broken.rules[2]!.params as Record<string, unknown>).windowDays = 0;
    (broken.rules[2]!.params as Record<string, unknown>).minHours = 12.345;
    broken.rules[4]!.id = "serious-abuse";
    const events = await db.auditEvent.count();
    const error = await expectAppError(
      updateDraft(db, admin, { id: draft.id, lockVersion: 1, definition: broken }),
      "BAD_REQUEST",
      /The rule set is not valid/,
    );
    expect(error.details?.fieldErrors).toEqual({
      "rules.0.levels.0.when": ["metric vettingCoverage has no figure 'X' (it has V, approved, N)"],
      "rules.2.params.windowDays": ["Too small: expected number to be >=1"],
      "rules.2.params.minHours": ["at most two decimals"],
      "rules.4.id": ["duplicate rule id 'serious-abuse'"],
    });
    const after = await db.ruleSetVersion.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after.lockVersion).toBe(1);
    expect(after.definition).toEqual(base.definition);
    expect(await db.auditEvent.count()).toBe(events);
    await deleteDraft(db, admin, { id: draft.id, lockVersion: 1 });
  });

  it("lets only one of two concurrent edits of the same draft version win; the other is a conflict", async () => {
    const { db } = test.current;
    const base = await publishedDefinition(db);
    const draft = await createDraft(db, admin, { fromVersionId: base.id });
    const edits = [91, 92].map((than) =>
      updateDraft(db, admin, {
        id: draft.id,
        lockVersion: 1,
        definition: setThreshold(structuredClone(base.definition), "vetting-coverage", "WATCH", than),
      }),
    );
    const outcomes = await Promise.allSettled(edits);
    const won = outcomes.findIndex((o) => o.status === "fulfilled");
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect((lost.reason as AppError).code).toBe("CONFLICT");
    const saved = await loadRuleSetVersion(db, { ruleSetId: "federal-baseline", version: draft.version });
    expect(saved.rules[0]!.levels[0]!.threshold).toBe(`V < ${[91, 92][won]}`);
    expect((await db.ruleSetVersion.findUniqueOrThrow({ where: { id: draft.id } })).lockVersion).toBe(2);
    await expectAppError(deleteDraft(db, admin, { id: draft.id, lockVersion: 1 }), "CONFLICT", /changed by someone else/);
    await deleteDraft(db, admin, { id: draft.id, lockVersion: 2 });
    expect(await db.ruleSetVersion.findUnique({ where: { id: draft.id } })).toBeNull();
  });

  it("only starts drafts from published versions and reports unknown versions as not found", async () => {
    const { db } = test.current;
    const base = await publishedDefinition(db);
    const draft = await createDraft(db, admin, { fromVersionId: base.id });
    await expectAppError(
      createDraft(db, admin, { fromVersionId: draft.id }),
      "PRECONDITION_FAILED",
      /Drafts start from a published version/,
    );
    await expectAppError(createDraft(db, admin, { fromVersionId: 999_999 }), "NOT_FOUND", /Rule set version 999999 not found/);
    await expectAppError(updateDraft(db, admin, { id: 999_999, lockVersion: 1, definition: base.definition }), "NOT_FOUND", /not found/);
    await deleteDraft(db, admin, { id: draft.id, lockVersion: 1 });
  });
});

describe("rule editor: publishing", () => {
  it("gives the next version number, freezes the version and makes it the current one", async () => {
    const { db } = test.current;
    const draft = await editedDraft();
    const published = await publishDraft(db, admin, { id: draft.id, lockVersion: draft.lockVersion });
    expect(published.version).toBe(2);
    const current = await loadRuleSetVersion(db);
    expect(current).toMatchObject({ id: draft.id, version: 2, status: "PUBLISHED" });
    await expectAppError(
      updateDraft(db, admin, { id: draft.id, lockVersion: draft.lockVersion + 1, definition: (await publishedDefinition(db)).definition }),
      "PRECONDITION_FAILED",
      /version 2 of federal-baseline is published and cannot be changed/i,
    );
    await expectAppError(
      deleteDraft(db, admin, { id: draft.id, lockVersion: draft.lockVersion + 1 }),
      "PRECONDITION_FAILED",
      /is published/,
    );
    await expect(db.ruleSetVersion.update({ where: { id: draft.id }, data: { notes: "sneaky" } })).rejects.toThrow(
      /version 2 is published and cannot be changed/,
    );
    // Once published, its dry run compares it with itself.
    expect((await dryRun(db, admin, { versionId: draft.id, asOf: D })).changes).toEqual([]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "ruleSet.publish", targetId: String(draft.id) } });
    expect(audit.changes).toEqual({ status: { before: "DRAFT", after: "PUBLISHED" }, version: { before: 2, after: 2 } });
  });

  it("numbers a draft published before an older draft right after the current version, and the older draft moves up", async () => {
    const { db } = test.current;
    const base = await publishedDefinition(db);
    const older = await createDraft(db, admin, { fromVersionId: base.id });
    const newer = await createDraft(db, admin, { fromVersionId: base.id });
    expect([older.version, newer.version]).toEqual([3, 4]);
    expect((await publishDraft(db, admin, { id: newer.id, lockVersion: 1 })).version).toBe(3);
    const moved = await db.ruleSetVersion.findUniqueOrThrow({ where: { id: older.id } });
    expect(moved).toMatchObject({ version: 4, status: "DRAFT", lockVersion: 1 });
    expect((await listRuleSets(db, admin))[0]!.versions.map((v) => [v.version, v.status])).toEqual([
      [4, "DRAFT"],
      [3, "PUBLISHED"],
      [2, "PUBLISHED"],
      [1, "PUBLISHED"],
    ]);
    await deleteDraft(db, admin, { id: older.id, lockVersion: 1 });
  });

  it("never gives two concurrent publishes the same number", async () => {
    const { db } = test.current;
    const base = await publishedDefinition(db);
    const drafts = [await createDraft(db, admin, { fromVersionId: base.id }), await createDraft(db, admin, { fromVersionId: base.id })];
    const versions = await Promise.all(drafts.map((d) => publishDraft(db, admin, { id: d.id, lockVersion: 1 })));
    expect(versions.map((v) => v.version).sort()).toEqual([4, 5]);
    expect((await loadRuleSetVersion(db)).version).toBe(5);
  });
});
