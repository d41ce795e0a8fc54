import { prepareDatabase } from "../../server/db/prepare";
import { AppError } from "../../server/errors";
import { runEvaluation } from "../../server/evaluations/run-evaluation";
import { EVALUATION_TIME_ZONE, parseCalendarDate, todayIn } from "../../server/rules/dates";
import { evaluateDepartments } from "../../server/rules/evaluate";
import { machineReadable, summaryTable } from "../../server/rules/output";
import { type RuleSetRef, loadRuleSetVersion, parseRuleSetRef } from "../../server/rules/rule-sets";
import { type Command, EXIT, UsageError, stringOption } from "../command";

function options(values: Record<string, unknown>): { asOf: string; ruleSet?: RuleSetRef } {
  const asOfText = stringOption(values, "as-of");
  // Without --as-of: today's calendar date in Mexico City, the federal government's time zone.
  const asOf = asOfText === undefined ? todayIn(EVALUATION_TIME_ZONE) : parseCalendarDate(asOfText);
  if (asOf === null) throw new UsageError(`Invalid --as-of '${asOfText}': expected a real calendar date YYYY-MM-DD (from 1900)`);
  const ruleSetText = stringOption(values, "rule-set");
  try {
    return { asOf, ruleSet: ruleSetText === undefined ? undefined : parseRuleSetRef(ruleSetText) };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export const evaluateCommand: Command = {
  name: "evaluate",
  summary: "Evaluate every department against a rule set (default: federal-baseline, latest published)",
  usage:
    "vigila evaluate [--as-of YYYY-MM-DD] [--rule-set ID[@VERSION]] [--json] [--persist]\n" +
    "  --as-of     evaluation date (default: today in America/Mexico_City)\n" +
    "  --rule-set  rule set id, optionally @version (default: federal-baseline, latest published version)\n" +
    "  --json      print the machine-readable array (one object per department, sorted by code)\n" +
    "  --persist   store the run, its results and recommendations for departments whose level rose",
  options: {
    "as-of": { type: "string" },
    "rule-set": { type: "string" },
    json: { type: "boolean" },
    persist: { type: "boolean" },
  },
  run: async ({ values }) => {
    const { asOf, ruleSet } = options(values);
    const db = await prepareDatabase();
    try {
      let evaluations;
      let header: string;
      if (values.persist) {
        const run = await runEvaluation(db, { asOf, ruleSet, trigger: "CLI", actor: { userId: null } });
        evaluations = run.evaluations;
        header = `Rule set ${run.ruleSetId} v${run.version}, as of ${asOf}: run #${run.runId} stored, ${run.recommendationIds.length} recommendation(s) opened`;
        if (values.json) process.stderr.write(`${header}\n`);
      } else {
        const version = await loadRuleSetVersion(db, ruleSet);
        evaluations = await evaluateDepartments(db, version.rules, asOf);
        header = `Rule set ${version.ruleSetId} v${version.version}${version.status === "DRAFT" ? " (draft)" : ""}, as of ${asOf} (not stored)`;
      }
      process.stdout.write(values.json ? `${JSON.stringify(machineReadable(evaluations), null, 2)}\n` : summaryTable(evaluations, header));
      return EXIT.OK;
    } catch (err) {
      if (err instanceof AppError) {
        process.stderr.write(`${err.message}\n`);
        return EXIT.REJECTED;
      }
      throw err;
    }
  },
};
