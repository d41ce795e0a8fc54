/** Rate and time left from two samples of a counter (rows or bytes); null until there is movement. */
export type Sample = { at: number; done: number };

export function rateAndEta(first: Sample | null, latest: Sample, total: number): { perSecond: number; secondsLeft: number } | null {
  if (!first || latest.at <= first.at || latest.done <= first.done) return null;
  const perSecond = ((latest.done - first.done) * 1000) / (latest.at - first.at);
  return { perSecond, secondsLeft: Math.max(0, total - latest.done) / perSecond };
}

export const ACTIVE = new Set(["UPLOADING", "VALIDATING", "WRITING"]);
