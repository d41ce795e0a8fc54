import { prepareDatabase } from "../../server/db/prepare";
import { seedDemoData } from "../../server/demo/seed";
import { type Command, EXIT, UsageError } from "../command";

export const seed: Command = {
  name: "seed",
  summary: "Fill an empty database with the synthetic demo data (--demo); does nothing if departments exist",
  usage: "vigila seed --demo [--size full|small]",
  options: { demo: { type: "boolean" }, size: { type: "string" } },
  run: async ({ values }) => {
    if (!values.demo) throw new UsageError("Only demo data can be seeded: pass --demo.");
    const size = values.size ?? "full";
    if (size !== "full" && size !== "small") throw new UsageError(`--size must be 'full' or 'small', not '${String(size)}'.`);
    const db = await prepareDatabase();
    const summary = await seedDemoData(db, { size });
    process.stdout.write(
      summary.seeded
        ? `Seeded demo data (reference date ${summary.referenceDate}): ${summary.departments} departments, ${summary.officers} officers, ` +
            `${summary.trainingRecords} training records, ${summary.vettingEvaluations} vetting evaluations, ${summary.complaints} complaints.\n`
        : `Database already has ${summary.departments} departments: nothing seeded.\n`,
    );
    return EXIT.OK;
  },
};
