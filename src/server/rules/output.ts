import type { Level } from "../../generated/prisma/enums";
import type { DepartmentEvaluation } from "./evaluate";
import { LEVELS } from "./levels";

/** One department as `vigila evaluate --json` prints it: exactly the keys the rule-set spec lists. */
export type MachineReadableDepartment = {
  department_code: string;
  level: Level;
  insufficient_data: boolean;
  rules: ({ id: string; level: Level; value: number | null } & Record<string, number | string | null>)[];
};

export function machineReadable(evaluations: DepartmentEvaluation[]): MachineReadableDepartment[] {
  return evaluations.map((e) => ({
    department_code: e.code,
    level: e.level,
    insufficient_data: e.insufficientData,
    rules: e.rules.map((r) => ({ id: r.id, level: r.level, value: r.value, ...r.extras })),
  }));
}

/** Plain-text summary for people: how many departments sit at each level, overall and per rule. */
export function summaryTable(evaluations: DepartmentEvaluation[], header: string): string {
  const ruleIds = evaluations[0]?.rules.map((r) => r.id) ?? [];
  const rows: string[][] = [["", ...LEVELS, "no data"]];
  const countRow = (label: string, levels: Level[], insufficient: number) => [
    label,
    ...LEVELS.map((level) => String(levels.filter((l) => l === level).length)),
    String(insufficient),
  ];
  rows.push(
    countRow(
      "departments",
      evaluations.map((e) => e.level),
      evaluations.filter((e) => e.insufficientData).length,
    ),
  );
  ruleIds.forEach((id, i) => {
    const outcomes = evaluations.map((e) => e.rules[i]!);
    rows.push(
      countRow(
        id,
        outcomes.map((o) => o.level),
        outcomes.filter((o) => o.insufficientData).length,
      ),
    );
  });
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
  const lines = rows.map((r) => r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join("  "));
  return `${header}\n\n${lines.join("\n")}\n`;
}
