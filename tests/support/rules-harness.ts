import type { Db } from "~/server/db/client";
import { evaluateDepartments } from "~/server/rules/evaluate";
import { type MachineReadableDepartment, machineReadable } from "~/server/rules/output";
import { loadRuleSetVersion } from "~/server/rules/rule-sets";
import { type Dataset, clearDataset, loadDataset } from "./rules-dataset";

/** Replaces the database's departments with `data` and evaluates federal-baseline v1 at D. */
export async function evaluateDataset(db: Db, data: Dataset, D: string): Promise<MachineReadableDepartment[]> {
  await clearDataset(db);
  await loadDataset(db, data);
  const version = await loadRuleSetVersion(db);
  return machineReadable(await evaluateDepartments(db, version.rules, D));
}

/** One rule's output for one department. */
export function ruleOf(results: MachineReadableDepartment[], code: string, ruleId: string) {
  const department = results.find((r) => r.department_code === code);
  const rule = department?.rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no result for ${code} / ${ruleId}`);
  return rule;
}
