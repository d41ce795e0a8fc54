/**
 * Text a user searches for, made literal inside a LIKE / ILIKE pattern (and Prisma's `contains` /
 * `startsWith`, which do not escape): `%`, `_` and the escape character itself match only themselves.
 * PostgreSQL's default LIKE escape character is the backslash.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
