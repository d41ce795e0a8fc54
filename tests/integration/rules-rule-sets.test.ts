import { describe, expect, it } from "vitest";
import { loadRuleSetVersion } from "~/server/rules/rule-sets";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();

describe("rule sets", () => {
  it("ship federal-baseline v1, published, with the seven rules in the specification's order", async () => {
    const { db } = test.current;
    const version = await loadRuleSetVersion(db);
    expect(version).toMatchObject({ ruleSetId: "federal-baseline", version: 1, status: "PUBLISHED" });
    expect(version.rules.map((r) => [r.id, r.levels.map((l) => `${l.level}: ${l.threshold}`)])).toEqual([
      ["vetting-coverage", ["WATCH: V < 90", "REVIEW: V < 75", "RECEIVERSHIP: V < 50"]],
      ["failed-vetting-on-duty", ["REVIEW: F ≥ 1", "RECEIVERSHIP: F ≥ 3 and share ≥ 5"]],
      ["training-compliance", ["WATCH: T < 80", "REVIEW: T < 60"]],
      ["serious-abuse", ["REVIEW: count ≥ 1", "RECEIVERSHIP: count ≥ 3"]],
      ["human-rights-recommendations", ["REVIEW: count ≥ 2"]],
      ["complaint-rate", ["WATCH: Q ≥ 3 and C > 2 × M"]],
      ["corruption-not-reduced", ["REVIEW: K0 ≥ 3 and K0 ≥ K1", "RECEIVERSHIP: K0 ≥ 3 and K0 ≥ K1 and K1 ≥ 3 and K1 ≥ K2"]],
    ]);
  });

  it("refuse any update or delete of a published version (database trigger), whoever asks", async () => {
    const { db } = test.current;
    const published = await db.ruleSetVersion.findFirstOrThrow({ where: { ruleSetId: "federal-baseline", version: 1 } });
    await expect(db.ruleSetVersion.update({ where: { id: published.id }, data: { notes: "tweaked" } })).rejects.toThrow(
      /federal-baseline version 1 is published and cannot be changed \(UPDATE\)/,
    );
    await expect(db.$executeRawUnsafe(`update "RuleSetVersion" set "status" = 'DRAFT' where id = ${published.id}`)).rejects.toThrow(
      /is published/,
    );
    await expect(db.ruleSetVersion.delete({ where: { id: published.id } })).rejects.toThrow(/cannot be changed \(DELETE\)/);
    expect(await db.ruleSetVersion.findUniqueOrThrow({ where: { id: published.id } })).toEqual(published);
  });

  it("let a draft be edited and published, after which it is frozen and becomes the default version", async () => {
    const { db } = test.current;
    const v1 = await db.ruleSetVersion.findFirstOrThrow({ where: { ruleSetId: "federal-baseline", version: 1 } });
    const draft = await db.ruleSetVersion.create({
      data: { ruleSetId: "federal-baseline", version: 2, status: "DRAFT", definition: v1.definition as object, basedOnId: v1.id },
    });
    expect((await loadRuleSetVersion(db)).version).toBe(1);
    expect((await loadRuleSetVersion(db, { ruleSetId: "federal-baseline", version: 2 })).status).toBe("DRAFT");
    await db.ruleSetVersion.update({ where: { id: draft.id }, data: { notes: "edited while a draft" } });
    await db.ruleSetVersion.update({ where: { id: draft.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    expect((await loadRuleSetVersion(db)).version).toBe(2);
    await expect(db.ruleSetVersion.update({ where: { id: draft.id }, data: { notes: "too late" } })).rejects.toThrow(
      /version 2 is published/,
    );
  });

  it("report unknown rule sets and versions as not found", async () => {
    const { db } = test.current;
    await expect(loadRuleSetVersion(db, { ruleSetId: "nope", version: null })).rejects.toThrow(
      "Published version of rule set 'nope' not found",
    );
    await expect(loadRuleSetVersion(db, { ruleSetId: "federal-baseline", version: 99 })).rejects.toThrow(
      "Rule set 'federal-baseline' version 99 not found",
    );
  });
});
