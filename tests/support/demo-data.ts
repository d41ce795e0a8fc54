import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { MunicipalityRef, StateRef } from "~/server/demo/departments";

/** The INEGI catalogue the migrations load, read from the same CSV files (for tests without a database). */
export function inegiCatalogue(): { states: StateRef[]; municipalities: MunicipalityRef[] } {
  const read = (file: string) =>
    parse<Record<string, string>>(readFileSync(path.resolve("prisma/data", file), "utf8"), { columns: true, skip_empty_lines: true });
  return {
    states: read("states.csv").map((r) => ({ code: r.state_code!, name: r.name!, population2020: Number(r.population_2020) })),
    municipalities: read("municipalities.csv").map((r) => ({
      stateCode: r.state_code!,
      code: r.municipality_code!,
      name: r.name!,
      population2020: r.population_2020 ? Number(r.population_2020) : null,
    })),
  };
}
