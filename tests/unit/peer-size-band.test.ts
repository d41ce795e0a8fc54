import { describe, expect, it } from "vitest";
import { SIZE_BANDS, sizeBand, sizeBandRange } from "~/server/evaluations/peer-percentile";

const inRange = (n: number, { min, max }: { min: number | null; max: number | null }) =>
  (min === null || n >= min) && (max === null || n < max);

describe("sizeBandRange", () => {
  // The explanation reads only the peers inside this range, then filters them with sizeBand: the two must agree.
  it("holds exactly the officer counts sizeBand puts in the band", () => {
    for (let n = 0; n <= 1500; n++) {
      for (const band of SIZE_BANDS) expect([n, band, inRange(n, sizeBandRange(band))]).toEqual([n, band, sizeBand(n) === band]);
    }
  });
});
