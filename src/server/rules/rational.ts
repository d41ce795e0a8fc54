/**
 * Exact rational numbers on bigint. Rule thresholds compare percentages such as 100 × 2 / 3 with 75;
 * binary floating point would misjudge values that sit exactly on a threshold, so every comparison
 * a rule makes goes through these.
 */
export type Rational = { readonly num: bigint; readonly den: bigint };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError("Rational with a zero denominator");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

/** Parses a finite decimal literal ("40", "12.5", "-0.25", "1e2") exactly, as written. */
export function fromDecimal(text: string | number): Rational {
  const literal = typeof text === "number" ? String(text) : text.trim();
  const match = /^([+-]?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(literal);
  if (!match) throw new RangeError(`Not a decimal number: ${literal}`);
  const [, sign, whole, fraction = "", exponent = "0"] = match;
  const digits = BigInt(`${whole}${fraction}`) * (sign === "-" ? -1n : 1n);
  const scale = Number(exponent) - fraction.length;
  return scale >= 0 ? rational(digits * 10n ** BigInt(scale)) : rational(digits, 10n ** BigInt(-scale));
}

export const add = (a: Rational, b: Rational) => rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const multiply = (a: Rational, b: Rational) => rational(a.num * b.num, a.den * b.den);
export const divide = (a: Rational, b: Rational) => rational(a.num * b.den, a.den * b.num);

/** −1, 0 or 1 as a is less than, equal to or greater than b (denominators are always positive). */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The double nearest to the exact value (ties to even), e.g. 200/3 → 66.66666666666667. When both
 * parts are exact doubles one IEEE division is already correctly rounded; otherwise a 64-bit quotient
 * with a sticky bit is rounded once by the BigInt → Number conversion.
 */
export function toNumber(r: Rational): number {
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  const absNum = r.num < 0n ? -r.num : r.num;
  if (absNum <= limit && r.den <= limit) return Number(r.num) / Number(r.den);
  const shift = BigInt(Math.max(0, 66 - (absNum.toString(2).length - r.den.toString(2).length)));
  let quotient = (absNum << shift) / r.den;
  if ((absNum << shift) % r.den !== 0n) quotient |= 1n;
  const magnitude = Number(quotient) / 2 ** Number(shift);
  return r.num < 0n ? -magnitude : magnitude;
}

export const isInteger = (r: Rational) => r.den === 1n;
