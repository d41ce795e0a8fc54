import { describe, expect, it } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { MASKED, diffForAudit } from "~/server/audit/diff";

const complaint = {
  id: 7,
  ref: "Q-16-0001",
  status: "RECEIVED",
  receivedOn: new Date("2026-06-30T00:00:00Z"),
  resolvedOn: null,
  summary: "La denunciante María Pérez, domicilio en …",
  hours: new Prisma.Decimal("12.50"),
  version: 3,
  updatedAt: new Date("2026-07-01T10:00:00Z"),
};

describe("diffForAudit", () => {
  it("records only the fields that changed, in their stored JSON form", () => {
    const after = {
      ...complaint,
      status: "SUSTAINED",
      resolvedOn: new Date("2026-07-15T00:00:00Z"),
      hours: new Prisma.Decimal("13.25"),
      version: 4,
      updatedAt: new Date(),
    };
    expect(diffForAudit(complaint, after)).toEqual({
      resolvedOn: { before: null, after: "2026-07-15T00:00:00.000Z" },
      status: { before: "RECEIVED", after: "SUSTAINED" },
      hours: { before: "12.5", after: "13.25" },
    });
  });

  it("masks personal data: the change is visible, the values are not", () => {
    const after = { ...complaint, summary: "Texto corregido con otro nombre" };
    expect(diffForAudit(complaint, after, { mask: ["summary"] })).toEqual({ summary: { before: MASKED, after: MASKED } });
    expect(diffForAudit({ summary: null }, { summary: "Nuevo" }, { mask: ["summary"] })).toEqual({
      summary: { before: null, after: MASKED },
    });
    expect(JSON.stringify(diffForAudit(complaint, after, { mask: ["summary"] }))).not.toContain("María");
  });

  it("describes a creation and a deletion field by field", () => {
    expect(diffForAudit(null, { name: "Nueva", stateCode: "14", version: 1 })).toEqual({
      name: { before: null, after: "Nueva" },
      stateCode: { before: null, after: "14" },
    });
    expect(diffForAudit({ name: "Vieja", summary: "x" }, null, { mask: ["summary"] })).toEqual({
      name: { before: "Vieja", after: null },
      summary: { before: MASKED, after: null },
    });
  });

  it("treats equal decimals written differently as unchanged", () => {
    expect(diffForAudit({ hours: new Prisma.Decimal("12.50") }, { hours: new Prisma.Decimal("12.5") })).toEqual({});
  });

  it("compares dates by instant and nested values structurally, ignoring key order", () => {
    const before = { on: new Date("2026-01-01T00:00:00Z"), tags: { b: 1, a: [1, 2] } };
    const after = { on: new Date(Date.parse("2026-01-01T00:00:00Z")), tags: { a: [1, 2], b: 1 } };
    expect(diffForAudit(before, after)).toEqual({});
    expect(diffForAudit(before, { ...after, tags: { a: [2, 1], b: 1 } })).toEqual({
      tags: { before: { a: [1, 2], b: 1 }, after: { a: [2, 1], b: 1 } },
    });
  });

  it("lets the caller choose the ignored bookkeeping fields", () => {
    expect(diffForAudit({ version: 1, name: "a" }, { version: 2, name: "a" }, { ignore: [] })).toEqual({
      version: { before: 1, after: 2 },
    });
  });
});
