/**
 * Writes the rules benchmark's section of docs/benchmarks.md. Other benchmarks write their own
 * sections there, so only the text between this section's markers is replaced.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import type { BenchParameters } from "./generate";
import type { Measurements } from "./measure";

const START = "<!-- bench:rules-national:start -->";
const END = "<!-- bench:rules-national:end -->";

export type Machine = { cpus: number; cpuModel: string; memoryGb: number; postgres: string; node: string };

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export type Verdict = { name: string; measured: string; target: string; met: boolean };

export function verdicts(m: Measurements): Verdict[] {
  const full = median(m.fullMs);
  const floor = median(m.floorMs);
  return [
    { name: "(a) full evaluation, every department", measured: `${(full / 1000).toFixed(2)} s`, target: "≤ 10 s", met: full <= 10_000 },
    { name: "(a) ÷ (b) engine over floor", measured: `${(full / floor).toFixed(2)} ×`, target: "≤ 3 ×", met: full <= 3 * floor },
    ...m.oneDepartment.map((one) => {
      const ms = median(one.ms);
      return {
        name: `(c) one department after one new complaint: ${one.department}`,
        measured: `${ms.toFixed(0)} ms`,
        target: "≤ 100 ms",
        met: ms <= 100,
      };
    }),
    {
      name: "(d) peak memory (RSS) of the evaluating process",
      measured: `${m.maxRssMb.toFixed(0)} MB`,
      target: "≤ 500 MB",
      met: m.maxRssMb <= 500,
    },
    {
      name: "engine = hand-written statement (figures and levels)",
      measured: `${m.mismatches.length} mismatches`,
      target: "0",
      met: m.mismatches.length === 0,
    },
  ];
}

const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");

export function section(
  p: BenchParameters,
  m: Measurements,
  machine: Machine,
  measuredOn: string,
  generatedSeconds: number | null,
): string {
  const rows = verdicts(m).map((v) => `| ${v.name} | ${v.measured} | ${v.target} | ${v.met ? "met" : "**missed**"} |`);
  return `${START}
## Rules engine at national scale (\`npm run bench -- rules\`)

What is measured, in one run, by a separate process (so its peak memory is the evaluation's own):
(a) \`evaluateDepartments\` — the engine the app and \`vigila evaluate\` use — over every department at one date
(one statement per metric source on two connections sharing one snapshot);
(b) the floor: federal-baseline v1 written by hand as one SQL statement (scripts/bench/rules/floor.ts), whose
figures and levels are also compared with the engine's, department by department (any difference is listed
below); (c) one department re-evaluated alone right after one new complaint is inserted (the complaint-rate
peer median still ranks every department, with their active-officer counts read from the stored counts,
which a complaint leaves valid); (d) the RSS high-water mark
(\`process.resourceUsage().maxRSS\`). The data is generated inside PostgreSQL with \`generate_series\` and
hash-based pseudo-random choices (scripts/bench/rules/generate.ts); officers are numbered department by
department, as per-department uploads would store them, and the database is vacuumed and analysed.

Measured ${measuredOn} on ${machine.cpus} CPU(s) (${machine.cpuModel}), ${machine.memoryGb.toFixed(1)} GB RAM,
${machine.postgres}, Node ${machine.node}. The machine was shared with other work while measuring: its one-minute
load average was ${m.loadAverage[0].toFixed(1)} before and ${m.loadAverage[1].toFixed(1)} after (${machine.cpus} CPUs), so every timing is inflated.

Dataset (synthetic, deterministic, in its own database \`vigila_bench\`): ${p.departments.toLocaleString("en")} departments
(${p.stateDepartments} state), ${p.activeOfficers.toLocaleString("en")} active and ${p.separatedOfficers.toLocaleString("en")} separated officers,
${((p.activeOfficers + p.separatedOfficers) * p.trainingPerOfficer).toLocaleString("en")} training records,
${((p.activeOfficers + p.separatedOfficers) * p.vettingPerOfficer).toLocaleString("en")} vetting evaluations,
${p.complaints.toLocaleString("en")} complaints over 10 years. Evaluation date ${p.asOf}, rule set federal-baseline v1.
${generatedSeconds === null ? "Data reused from an earlier run with the same parameters." : `Generated in ${generatedSeconds.toFixed(0)} s.`}
Levels found: ${Object.entries(m.levels)
    .map(([level, n]) => `${level} ${n}`)
    .join(", ")}.

Medians of ${m.fullMs.length} runs (after one warm-up run):

| Measure | Median | Target | |
|---|---|---|---|
${rows.join("\n")}

Raw timings (ms): (a) ${list(m.fullMs)} · (b) floor, one hand-written SQL statement: ${list(m.floorMs)} ·
${m.oneDepartment.map((one) => `(c) ${one.department}: ${list(one.ms)}`).join(" · ")}.
${
  m.mismatches.length
    ? `\nMismatches (first 20):\n\n${m.mismatches
        .slice(0, 20)
        .map((x) => `- ${x}`)
        .join("\n")}\n`
    : ""
}${END}`;
}

export async function writeSection(file: string, text: string): Promise<void> {
  const current = existsSync(file) ? await readFile(file, "utf8") : "# Benchmarks\n";
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start ? `${current.slice(0, start)}${text}${current.slice(end + END.length)}` : `${current.trimEnd()}\n\n${text}\n`;
  await writeFile(file, next);
}
