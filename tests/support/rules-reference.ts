/**
 * A plain, deliberately naive implementation of federal-baseline v1, written straight from the
 * specification (one loop per rule, integers and cross-multiplication, no SQL, no shared code with
 * the engine). The property test checks the SQL engine against it on random data.
 */
import type { Level } from "~/generated/prisma/enums";
import { type Dataset, addDays } from "./rules-dataset";

type RuleResult = { id: string; level: Level; value: number | null } & Record<string, number | string | null>;
export type ReferenceDepartment = { department_code: string; level: Level; insufficient_data: boolean; rules: RuleResult[] };

const ORDER: Level[] = ["NONE", "WATCH", "REVIEW", "RECEIVERSHIP"];
const inWindow = (date: string, from: string, to: string) => date > from && date <= to; // (from, to]
const cents = (hours: string) => {
  const [whole, fraction = ""] = hours.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
};
const counted = (status: string) => status !== "UNFOUNDED" && status !== "WITHDRAWN";

export function referenceEvaluate(data: Dataset, D: string): ReferenceDepartment[] {
  const active = (dept: string) =>
    data.officers.filter((o) => o.department === dept && o.hiredOn <= D && (!o.separatedOn || o.separatedOn > D));
  const latestVetting = (officer: string) => {
    const mine = data.vetting.filter((v) => v.officer === officer && v.evaluatedOn <= D);
    mine.sort((a, b) => (a.evaluatedOn < b.evaluatedOn ? 1 : -1));
    return mine[0];
  };
  const complaintsOf = (dept: string) => data.complaints.filter((c) => c.department === dept);

  // Complaint rate C = 100Q/N per department with N > 0, kept as the fraction Q/N.
  const rate = new Map<string, { q: number; n: number }>();
  for (const d of data.departments) {
    const n = active(d.code).length;
    const q = complaintsOf(d.code).filter((c) => counted(c.status) && inWindow(c.receivedOn, addDays(D, -365), D)).length;
    if (n > 0) rate.set(d.code, { q, n });
  }
  const median = (kind: string) => {
    const values = data.departments.filter((d) => d.kind === kind && rate.has(d.code)).map((d) => rate.get(d.code)!);
    values.sort((a, b) => a.q * b.n - b.q * a.n);
    if (values.length === 0) return null;
    const a = values[Math.floor((values.length - 1) / 2)]!;
    const b = values[Math.floor(values.length / 2)]!;
    // M = (100 a.q/a.n + 100 b.q/b.n) / 2 = num / den
    return { num: 100 * (a.q * b.n + b.q * a.n), den: 2 * a.n * b.n };
  };

  const result = data.departments.map((dept) => {
    const officers = active(dept.code);
    const N = officers.length;
    const rules: RuleResult[] = [];

    // vetting-coverage
    const approved = officers.filter((o) => {
      const v = latestVetting(o.id);
      return v !== undefined && v.result === "APPROVED" && v.validUntil >= D;
    }).length;
    let level: Level = "NONE";
    if (N > 0) {
      if (100 * approved < 50 * N) level = "RECEIVERSHIP";
      else if (100 * approved < 75 * N) level = "REVIEW";
      else if (100 * approved < 90 * N) level = "WATCH";
    }
    rules.push({ id: "vetting-coverage", level, value: N > 0 ? (100 * approved) / N : null });

    // failed-vetting-on-duty
    const F = officers.filter((o) => {
      const v = latestVetting(o.id);
      return v !== undefined && v.result === "NOT_APPROVED" && v.evaluatedOn <= addDays(D, -90);
    }).length;
    level = F >= 3 && 100 * F >= 5 * N ? "RECEIVERSHIP" : F >= 1 ? "REVIEW" : "NONE";
    rules.push({ id: "failed-vetting-on-duty", level, value: F });

    // training-compliance
    const trained = officers.filter((o) => {
      const records = data.training.filter((t) => t.officer === o.id);
      const initial = records.some((t) => t.course === "FORMACION_INICIAL" && t.completedOn <= D);
      const recent = records.filter((t) => inWindow(t.completedOn, addDays(D, -365), D)).reduce((sum, t) => sum + cents(t.hours), 0);
      return initial && recent >= 4000;
    }).length;
    level = "NONE";
    if (N > 0) {
      if (100 * trained < 60 * N) level = "REVIEW";
      else if (100 * trained < 80 * N) level = "WATCH";
    }
    rules.push({ id: "training-compliance", level, value: N > 0 ? (100 * trained) / N : null });

    // serious-abuse
    const S = complaintsOf(dept.code).filter(
      (c) =>
        ["TORTURE", "FORCED_DISAPPEARANCE", "EXTRAJUDICIAL_KILLING", "SEXUAL_ABUSE"].includes(c.category) &&
        c.status === "SUSTAINED" &&
        c.resolvedOn != null &&
        c.resolvedOn <= D &&
        inWindow(c.receivedOn, addDays(D, -730), D),
    ).length;
    rules.push({ id: "serious-abuse", level: S >= 3 ? "RECEIVERSHIP" : S >= 1 ? "REVIEW" : "NONE", value: S });

    // human-rights-recommendations
    const H = complaintsOf(dept.code).filter(
      (c) =>
        (c.source === "CNDH" || c.source === "STATE_COMMISSION") && c.status !== "WITHDRAWN" && inWindow(c.receivedOn, addDays(D, -365), D),
    ).length;
    rules.push({ id: "human-rights-recommendations", level: H >= 2 ? "REVIEW" : "NONE", value: H });

    // complaint-rate: C > 2M  <=>  Q/N * 100 > 2 * num/den  <=>  100 Q den > 2 num N
    const Q = complaintsOf(dept.code).filter((c) => counted(c.status) && inWindow(c.receivedOn, addDays(D, -365), D)).length;
    const M = median(dept.kind);
    const watch = N > 0 && M !== null && Q >= 3 && 100 * Q * M.den > 2 * M.num * N;
    rules.push({
      id: "complaint-rate",
      level: watch ? "WATCH" : "NONE",
      value: N > 0 ? (100 * Q) / N : null,
      peer_median: M === null ? null : M.num / M.den,
      count: Q,
    });

    // corruption-not-reduced
    const K = [0, 1, 2].map(
      (k) =>
        complaintsOf(dept.code).filter(
          (c) =>
            ["CORRUPTION", "COLLUSION", "EXTORTION"].includes(c.category) &&
            counted(c.status) &&
            inWindow(c.receivedOn, addDays(D, -365 * (k + 1)), addDays(D, -365 * k)),
        ).length,
    );
    const [K0, K1, K2] = K as [number, number, number];
    level = K0 >= 3 && K0 >= K1 ? (K1 >= 3 && K1 >= K2 ? "RECEIVERSHIP" : "REVIEW") : "NONE";
    rules.push({ id: "corruption-not-reduced", level, value: K0, k1: K1, k2: K2 });

    const overall = rules.reduce<Level>((max, r) => (ORDER.indexOf(r.level) > ORDER.indexOf(max) ? r.level : max), "NONE");
    return { department_code: dept.code, level: overall, insufficient_data: N === 0, rules };
  });
  return result.sort((a, b) => (a.department_code < b.department_code ? -1 : 1));
}
