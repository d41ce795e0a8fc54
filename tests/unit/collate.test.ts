import { describe, expect, it } from "vitest";
import { compareNames } from "~/components/format/collate";

describe("the browser's Spanish name order", () => {
  it("accented capitals sort with their letter, not after Z", () => {
    expect(["Zitácuaro", "Álvaro Obregón"].sort(compareNames)).toEqual(["Álvaro Obregón", "Zitácuaro"]);
    expect(["Zamora", "Ávila"].sort(compareNames)).toEqual(["Ávila", "Zamora"]);
  });

  it("ñ is its own letter after n", () => {
    expect(["Ñuñoa", "Oaxaca", "Nuevo"].sort(compareNames)).toEqual(["Nuevo", "Ñuñoa", "Oaxaca"]);
    expect(["peña", "penz"].sort(compareNames)).toEqual(["penz", "peña"]);
  });

  it("case and accents only break ties, in a fixed order", () => {
    expect(compareNames("avila", "Ávila")).toBeLessThan(0);
    expect(compareNames("Avila", "avila")).toBeGreaterThan(0);
    expect(compareNames("Morelia", "Morelia")).toBe(0);
  });

  it("numbers inside names in numeric order", () => {
    expect(["Sector 10", "Sector 9"].sort(compareNames)).toEqual(["Sector 9", "Sector 10"]);
  });
});
