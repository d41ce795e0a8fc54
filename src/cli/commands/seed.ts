import { prepareDatabase } from "../../server/db/prepare";
import { prepareDemo } from "../../server/demo/prepare-demo";
import { type Command, EXIT, UsageError } from "../command";

export const seed: Command = {
  name: "seed",
  summary: "Demo data into an empty database, the demo accounts, and a first evaluation (--demo); safe to repeat",
  usage: "vigila seed --demo [--size full|small]",
  options: { demo: { type: "boolean" }, size: { type: "string" } },
  run: async ({ values }) => {
    if (!values.demo) throw new UsageError("Only demo data can be seeded: pass --demo.");
    const size = values.size ?? "full";
    if (size !== "full" && size !== "small") throw new UsageError(`--size must be 'full' or 'small', not '${String(size)}'.`);
    const db = await prepareDatabase();
    const { seed: summary, usersCreated, evaluationRunId } = await prepareDemo(db, { size });
    process.stdout.write(
      summary.seeded
        ? `Seeded demo data (reference date ${summary.referenceDate}): ${summary.departments} departments, ${summary.officers} officers, ` +
            `${summary.trainingRecords} training records, ${summary.vettingEvaluations} vetting evaluations, ${summary.complaints} complaints.\n`
        : `Database already has ${summary.departments} departments: no data seeded.\n`,
    );
    if (usersCreated.length > 0) process.stdout.write(`Demo accounts created: ${usersCreated.join(", ")}.\n`);
    if (evaluationRunId !== null) process.stdout.write(`Evaluation run ${evaluationRunId} stored at ${summary.referenceDate}.\n`);
    return EXIT.OK;
  },
};
