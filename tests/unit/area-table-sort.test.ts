import { describe, expect, it } from "vitest";
import { departmentLevel, sortAreas } from "~/components/dashboard/area-table";

const none = { NONE: 0, WATCH: 0, REVIEW: 0, RECEIVERSHIP: 0, UNEVALUATED: 0 };
const area = (name: string, level: keyof typeof none, vettingCoverage: number | null, officers = 10) => ({
  code: name,
  key: name,
  name,
  levels: { ...none, [level]: 1 },
  departments: 1,
  flaggedShare: null,
  officers,
  vettingCoverage,
  trainingCompliance: null,
  complaintsPer100: null,
});

const AREAS = [
  area("Zitácuaro", "REVIEW", 90, 5),
  area("Álvaro Obregón", "NONE", null, 30),
  area("Morelia", "RECEIVERSHIP", 70, 30),
  area("Ñuñoa", "UNEVALUATED", 95, 1),
];
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe("a state's departments table sorts", () => {
  it("by name in Spanish, both ways", () => {
    expect(names(sortAreas(AREAS, { key: "name", direction: "asc" }))).toEqual(["Álvaro Obregón", "Morelia", "Ñuñoa", "Zitácuaro"]);
    expect(names(sortAreas(AREAS, { key: "name", direction: "desc" }))).toEqual(["Zitácuaro", "Ñuñoa", "Morelia", "Álvaro Obregón"]);
  });

  it("by level, unevaluated lowest", () => {
    expect(names(sortAreas(AREAS, { key: "level", direction: "desc" }))).toEqual(["Morelia", "Zitácuaro", "Álvaro Obregón", "Ñuñoa"]);
    expect(departmentLevel(AREAS[3]!)).toBeNull();
  });

  it("by a value, missing values last either way, ties by name", () => {
    expect(names(sortAreas(AREAS, { key: "vettingCoverage", direction: "asc" }))).toEqual([
      "Morelia",
      "Zitácuaro",
      "Ñuñoa",
      "Álvaro Obregón",
    ]);
    expect(names(sortAreas(AREAS, { key: "vettingCoverage", direction: "desc" }))).toEqual([
      "Ñuñoa",
      "Zitácuaro",
      "Morelia",
      "Álvaro Obregón",
    ]);
    expect(names(sortAreas(AREAS, { key: "officers", direction: "desc" }))).toEqual(["Álvaro Obregón", "Morelia", "Zitácuaro", "Ñuñoa"]);
  });
});
