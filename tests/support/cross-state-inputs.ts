import fc from "fast-check";
import { type CrossStateDataset, DATASET_STATES } from "./cross-state-dataset";

/**
 * Random inputs for every query procedure, drawing record ids and codes from ALL states (and ids
 * of nothing), for tests/integration/authz-scope-property.test.ts. Every query procedure must be
 * listed, so a new one is exercised (or consciously exempted, with the reason) the day it is added.
 */
export type InputGenerator = (data: CrossStateDataset) => fc.Arbitrary<unknown>;
export type ScopeEntry = { inputs: InputGenerator } | { exempt: string };

const anyState = () => fc.constantFrom(...DATASET_STATES, "31");
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const page = { page: fc.constantFrom(1, 2), pageSize: fc.constantFrom(1, 5, 200) };
const departmentCode = (d: CrossStateDataset) => fc.constantFrom(...d.departments.map((x) => x.code), d.missing.code);
const idFrom = (ids: number[], d: CrossStateDataset) => fc.constantFrom(...ids, d.missing.id);
const optionalState = () => fc.record({ stateCode: opt(anyState()) }, { requiredKeys: [] });

export const CROSS_STATE_INPUTS: Record<string, ScopeEntry> = {
  "audit.list": {
    inputs: () => fc.record({ stateCode: opt(anyState()), page: fc.constant(1), pageSize: fc.constant(50) }, { requiredKeys: [] }),
  },
  "audit.export": { inputs: () => optionalState() },
  "dashboard.overview": { inputs: optionalState },
  "dashboard.trends": { inputs: optionalState },
  "departments.list": {
    inputs: (d) =>
      fc.record(
        { stateCode: opt(anyState()), search: opt(fc.constantFrom(...d.departments.map((x) => x.code), "Policía")), ...page },
        { requiredKeys: [] },
      ),
  },
  "departments.filterOptions": { inputs: () => fc.constant(undefined) },
  "departments.dossier": { inputs: (d) => fc.record({ code: departmentCode(d) }) },
  "officers.get": { inputs: (d) => fc.record({ id: fc.constantFrom(...d.officerIds, d.missing.code) }) },
  "complaints.get": { inputs: (d) => fc.record({ ref: fc.constantFrom(...d.complaintRefs, d.missing.code) }) },
  "recommendations.list": {
    inputs: (d) =>
      fc.record(
        {
          stateCode: opt(anyState()),
          departmentCode: opt(departmentCode(d)),
          status: opt(fc.constantFrom("OPEN" as const, "ACCEPTED" as const, "DISMISSED" as const)),
          sort: opt(fc.constantFrom("severity" as const, "age" as const, "size" as const)),
          page: fc.constantFrom(1, 2),
          pageSize: fc.constantFrom(25, 200),
        },
        { requiredKeys: [] },
      ),
  },
  "recommendations.savedFilters": { inputs: () => fc.constant(undefined) },
  "recommendations.get": { inputs: (d) => fc.record({ id: idFrom(d.recommendationIds, d) }) },
  "reviews.list": {
    inputs: (d) =>
      fc.record(
        { stateCode: opt(anyState()), departmentCode: opt(departmentCode(d)), mine: opt(fc.boolean()), ...page },
        { requiredKeys: [] },
      ),
  },
  "reviews.get": { inputs: (d) => fc.record({ id: idFrom(d.reviewIds, d) }) },
  "reviews.history": { inputs: (d) => fc.record({ id: idFrom(d.reviewIds, d) }) },
  "reviews.ownerOptions": { inputs: (d) => fc.record({ id: idFrom(d.reviewIds, d) }) },
  "departments.officers": {
    inputs: (d) =>
      fc.record(
        { departmentCode: departmentCode(d), q: opt(fc.constantFrom("a", "Z", "%")), ...page },
        { requiredKeys: ["departmentCode"] },
      ),
  },
  "departments.complaints": {
    inputs: (d) =>
      fc.record({ departmentCode: departmentCode(d), q: opt(fc.constantFrom("Q-", "%")), ...page }, { requiredKeys: ["departmentCode"] }),
  },
  "receivership.list": {
    inputs: (d) => fc.record({ stateCode: opt(anyState()), departmentCode: opt(departmentCode(d)), ...page }, { requiredKeys: [] }),
  },
  "receivership.get": { inputs: (d) => fc.record({ id: idFrom(d.receivershipIds, d) }) },
  "receivership.defaults": { exempt: "static templates and default exit criteria; reads no record" },
  "comments.list": {
    inputs: (d) =>
      fc.record({
        target: fc.oneof(
          fc.record({ type: fc.constant("DEPARTMENT" as const), departmentCode: departmentCode(d) }),
          fc.record({ type: fc.constant("REVIEW" as const), id: idFrom(d.reviewIds, d) }),
          fc.record({ type: fc.constant("RECEIVERSHIP" as const), id: idFrom(d.receivershipIds, d) }),
        ),
        page: fc.constant(1),
        pageSize: fc.constant(50),
      }),
  },
  "timeline.department": { inputs: (d) => fc.record({ departmentCode: departmentCode(d), limit: fc.constantFrom(5, 500) }) },
  "evaluations.explain": { inputs: (d) => fc.record({ departmentCode: departmentCode(d) }) },
  "evaluations.latestRun": { inputs: () => fc.constant({}) },
  "evaluations.departmentHistory": { inputs: (d) => fc.record({ departmentCode: departmentCode(d), limit: fc.constantFrom(1, 500) }) },
  // Refused to state AGs (rules.manage), whatever the input; listed so the refusal itself is exercised.
  "rules.list": { inputs: () => fc.constant(undefined) },
  "rules.get": { inputs: () => fc.record({ id: fc.constantFrom(1, 999_999) }) },
  "rules.dryRun": { inputs: () => fc.record({ versionId: fc.constantFrom(1, 999_999) }) },
  "rules.backtest": { inputs: () => fc.record({ id: fc.constantFrom(1, 999_999) }) },
  "rules.backtests": { inputs: () => fc.record({ versionId: fc.constantFrom(1, 999_999) }) },
  "session.me": { inputs: () => fc.constant(undefined) },
  "users.list": { inputs: () => fc.constant(undefined) },
  "alerts.settings": { inputs: () => fc.constant(undefined) },
  "alerts.departmentOptions": {
    inputs: (d) => fc.record({ search: fc.constantFrom(...d.departments.map((x) => x.code), "Policía", "S") }),
  },
  "imports.list": { exempt: "import batches are national: only nationwide IA roles hold data.import (state AGs are refused)" },
  "imports.get": { exempt: "import batches are national: only nationwide IA roles hold data.import (state AGs are refused)" },
  "outbox.summary": { inputs: () => fc.constant(undefined) },
  "outbox.list": { inputs: () => fc.record({ page: fc.constant(1) }) },
  "outbox.devMail.list": { inputs: () => fc.constant(undefined) },
  "outbox.devMail.get": { inputs: () => fc.record({ id: fc.constantFrom("1", "missing") }) },
};
