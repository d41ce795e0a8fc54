/**
 * Where a department's value sits among departments of the same kind and size band. Size bands
 * group departments by active officers, because a 30-officer municipal police and a 3,000-officer
 * one are not comparable: N < 50, 50–199, 200–999, ≥ 1000.
 */
export const SIZE_BANDS = ["<50", "50-199", "200-999", ">=1000"] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

export function sizeBand(n: number): SizeBand {
  if (n < 50) return "<50";
  if (n < 200) return "50-199";
  if (n < 1000) return "200-999";
  return ">=1000";
}

/** A band's active-officer range, min inclusive and max exclusive (null: unbounded), for fetching only its peers. */
export function sizeBandRange(band: SizeBand): { min: number | null; max: number | null } {
  if (band === "<50") return { min: null, max: 50 };
  if (band === "50-199") return { min: 50, max: 200 };
  if (band === "200-999") return { min: 200, max: 1000 };
  return { min: 1000, max: null };
}

export type PeerPercentile = { band: SizeBand; peers: number; percentile: number | null };

/**
 * Mid-rank percentile: 100 × (peers below + half the peers equal, the department included) / peers,
 * over peers in the band with a value. 50 means "in the middle"; null when the value is null.
 */
export function peerPercentile(value: number | null, n: number, peers: { n: number; value: number | null }[]): PeerPercentile {
  const band = sizeBand(n);
  const values = peers.filter((p) => p.value !== null && sizeBand(p.n) === band).map((p) => p.value!);
  const counts =
    value === null
      ? { below: 0, equal: 0 }
      : { below: values.filter((v) => v < value).length, equal: values.filter((v) => v === value).length };
  return percentileFromCounts(band, value, { ...counts, peers: values.length });
}

/** The same percentile from counts made elsewhere (in SQL, for a stored run): peers with a value in the band. */
export function percentileFromCounts(
  band: SizeBand,
  value: number | null,
  counts: { below: number; equal: number; peers: number },
): PeerPercentile {
  const { below, equal, peers } = counts;
  if (value === null || peers === 0) return { band, peers, percentile: null };
  return { band, peers, percentile: (100 * (below + equal / 2)) / peers };
}
