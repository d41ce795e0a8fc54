import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import type { Scope } from "~/server/authz/scope";
import { type CrossStateDataset, MARKER, seedCrossStateDataset } from "../support/cross-state-dataset";
import { CROSS_STATE_INPUTS, type InputGenerator } from "../support/cross-state-inputs";
import { useTestDatabase } from "../support/database";
import { callerFor } from "../support/trpc-context";

const test = useTestDatabase();
const RUNS = 1_200;
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
const QUERIES = Object.keys(procedures)
  .filter((path) => procedures[path]!._def.type === "query")
  .sort();
let data: CrossStateDataset;

beforeAll(async () => {
  data = await seedCrossStateDataset(test.current.db);
});

const json = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? "";

/** Everything in a response that belongs to a state other than `own`. */
function otherStates(value: unknown, own: string): string[] {
  const found = [...json(value).matchAll(MARKER)].filter((m) => m[1] !== own).map((m) => m[0]);
  const foreignDepartments = new Map(data.departments.filter((d) => d.stateCode !== own).map((d) => [d.id, d.code]));
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== "object" || node instanceof Date) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === "stateCode" && typeof child === "string" && child !== own) found.push(`stateCode ${child}`);
      if (key === "departmentId" && typeof child === "number" && foreignDepartments.has(child)) found.push(`departmentId ${child}`);
      walk(child);
    }
  };
  walk(value);
  return found;
}

async function call(scope: Scope, path: string, input: unknown) {
  const caller = callerFor(test.current.db, scope) as unknown as Record<string, unknown>;
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    i: unknown,
  ) => Promise<unknown>;
  try {
    return { ok: true as const, value: await procedure(input) };
  } catch (error) {
    return { ok: false as const, error };
  }
}

describe("cross-state isolation (property-based)", () => {
  it("has inputs (or a stated exemption) for every query procedure", () => {
    const missing = QUERIES.filter((path) => !(path in CROSS_STATE_INPUTS));
    const notQueries = Object.keys(CROSS_STATE_INPUTS).filter((path) => !QUERIES.includes(path));
    expect(missing, `Query procedures without inputs in tests/support/cross-state-inputs.ts: ${missing.join(", ")}`).toEqual([]);
    expect(notQueries, `Entries in tests/support/cross-state-inputs.ts that are not query procedures: ${notQueries.join(", ")}`).toEqual(
      [],
    );
  });

  it(`never shows a state AG another state's records (${RUNS} random requests)`, { timeout: 600_000 }, async () => {
    const generators = Object.entries(CROSS_STATE_INPUTS).flatMap(([path, entry]) =>
      "inputs" in entry ? [entry.inputs(data).map((input) => ({ path, input }))] : [],
    );
    const calls = new Map<string, number>();
    let ownRecordsSeen = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...data.stateAgs), fc.oneof(...generators), async (scope, { path, input }) => {
        calls.set(path, (calls.get(path) ?? 0) + 1);
        const own = scope.stateCode!;
        const result = await call(scope, path, input);
        if (result.ok) {
          expect(otherStates(result.value, own), `${path}(${json(input)}) as the AG of ${own}`).toEqual([]);
          if ([...json(result.value).matchAll(MARKER)].length > 0) ownRecordsSeen += 1;
          return;
        }
        const { error } = result;
        // Refusals are fine (not found, not allowed, invalid), as long as they reveal nothing.
        expect(error, `${path}(${json(input)}) failed unexpectedly: ${String(error)}`).toBeInstanceOf(TRPCError);
        expect((error as TRPCError).code, `${path}(${json(input)}): ${(error as TRPCError).message}`).not.toBe("INTERNAL_SERVER_ERROR");
        expect(otherStates((error as TRPCError).message, own), `${path} error message`).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    const listed = Object.entries(CROSS_STATE_INPUTS)
      .filter(([, e]) => "inputs" in e)
      .map(([path]) => path);
    expect(
      listed.filter((path) => !calls.get(path)),
      "procedures never called",
    ).toEqual([]);
    // Not vacuous: plenty of calls did return the caller's own records.
    expect(ownRecordsSeen).toBeGreaterThan(RUNS / 10);
  });
});
