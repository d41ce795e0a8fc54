import type { Rational } from "../rational";
import { rational } from "../rational";

/** 100 × count / n exactly, or null when there is nobody to divide by (N = 0). */
export const percentOf = (count: number, n: number): Rational | null => (n > 0 ? rational(100 * count, n) : null);

export const countOf = (buckets: Readonly<Record<string, number>>, bucket: string) => buckets[bucket] ?? 0;
