import { demoAsOf } from "../../server/demo/calendar";
import { prepareDatabase } from "../../server/db/prepare";
import { prepareDemo } from "../../server/demo/prepare-demo";
import { type Command, EXIT, UsageError, stringOption } from "../command";

/** `--as-of` of `vigila seed --demo` and `vigila demo`: the demo's "today" (default: today in Mexico City). */
export function demoAsOfOption(values: Record<string, unknown>): string {
  try {
    return demoAsOf(stringOption(values, "as-of"));
  } catch (err) {
    throw new UsageError(`--as-of: ${(err as Error).message}.`);
  }
}

export const seed: Command = {
  name: "seed",
  summary: "Demo data into an empty database, the demo accounts, and a first evaluation (--demo); safe to repeat",
  usage:
    "vigila seed --demo [--size full|small] [--as-of YYYY-MM-DD]\n" +
    "  --size   full (default: every force) or small (every 15th municipal force and the scenario departments)\n" +
    "  --as-of  the demo's 'today': every generated date is relative to it (default: today in America/Mexico_City;\n" +
    "           not after today). The same date always gives the same data.",
  options: { demo: { type: "boolean" }, size: { type: "string" }, "as-of": { type: "string" } },
  run: async ({ values }) => {
    if (!values.demo) throw new UsageError("Only demo data can be seeded: pass --demo.");
    const size = values.size ?? "full";
    if (size !== "full" && size !== "small") throw new UsageError(`--size must be 'full' or 'small', not '${String(size)}'.`);
    const asOf = demoAsOfOption(values);
    const db = await prepareDatabase();
    const { seed: summary, usersCreated, evaluationRunId, asOf: stored } = await prepareDemo(db, { size, asOf });
    process.stdout.write(
      summary.seeded
        ? `Seeded demo data as of ${summary.referenceDate}: ${summary.departments} departments, ${summary.officers} officers, ` +
            `${summary.trainingRecords} training records, ${summary.vettingEvaluations} vetting evaluations, ${summary.complaints} complaints.\n`
        : `Database already has ${summary.departments} departments` +
            `${summary.referenceDate ? ` (demo data as of ${summary.referenceDate})` : ""}: no data seeded.\n`,
    );
    if (usersCreated.length > 0) process.stdout.write(`Demo accounts created: ${usersCreated.join(", ")}.\n`);
    if (evaluationRunId !== null) process.stdout.write(`Evaluation run ${evaluationRunId} stored at ${stored}.\n`);
    return EXIT.OK;
  },
};
