import { complaintCount, complaintRate, complaintTrend } from "./complaints";
import { trainingCompliance } from "./training";
import type { MetricDefinition } from "./types";
import { failedVettingOnDuty, vettingCoverage } from "./vetting";

/** Every metric a rule may name. Declaring an id here without implementing it fails to compile. */
export const METRIC_IDS = [
  "vettingCoverage",
  "failedVettingOnDuty",
  "trainingCompliance",
  "complaintCount",
  "complaintRate",
  "complaintTrend",
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export const METRICS: Record<MetricId, MetricDefinition> = {
  vettingCoverage,
  failedVettingOnDuty,
  trainingCompliance,
  complaintCount,
  complaintRate,
  complaintTrend,
};

export type { MetricDefinition, MetricInput, SqlContext } from "./types";
