/**
 * The one encoding audit events are hashed in. An event is hashed when written and re-hashed from
 * what PostgreSQL hands back when verified, so every value is first reduced to the form that
 * survives storage unchanged (`storable*`), and that form is what is both stored and hashed.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

// PostgreSQL text and jsonb reject NUL, and the UTF-8 encoder turns lone surrogates into U+FFFD,
// so the stored string would differ from the hashed one: replace both before either happens.
const UNSTORABLE_CHARS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function storableText(value: string): string {
  return value.replace(UNSTORABLE_CHARS, "\uFFFD");
}

// Prisma's JSON serialiser copies objects by assignment, which silently drops a "__proto__"
// member (it sets the copy's prototype instead): keep the member, under a name that survives.
const storableKey = (key: string) => (key === "__proto__" ? "[__proto__]" : storableText(key));

/**
 * A JSON value equal to what a jsonb column returns for `value`: Dates become ISO strings, bigints
 * and Prisma Decimals their decimal strings, non-finite numbers null (as JSON.stringify does),
 * undefined object members are dropped and undefined array items become null.
 */
export function storableJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
      return storableText(value);
    case "number":
      return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : null;
    case "boolean":
      return value;
    case "bigint":
      return value.toString();
    case "function":
    case "symbol":
      return null;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(storableJson);
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === "function") return storableJson(withToJson.toJSON());
  const out: { [key: string]: JsonValue } = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) out[storableKey(key)] = storableJson(member);
  }
  return out;
}

/** An object's defined members, encoded, in canonical order (keys by UTF-16 code units). */
function canonicalMembers(value: Record<string, unknown>): { key: string; encoded: string }[] {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, v]) => ({ key, encoded: `${JSON.stringify(key)}:${canonicalJson(v)}` }));
}

/** Canonical JSON: keys sorted by UTF-16 code units at every depth, so equal values hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  return `{${canonicalMembers(value as Record<string, unknown>)
    .map((m) => m.encoded)
    .join(",")}}`;
}

/**
 * The canonical JSON of `value` with the member `key` left open: `before + canonicalJson(x) + after`
 * equals `canonicalJson({ ...value, [key]: x })` for any JSON value x. The audit trail uses it to let
 * PostgreSQL fill in the event's time, which is only known once the chain lock is held.
 */
export function canonicalJsonAround(value: Record<string, unknown>, key: string): { before: string; after: string } {
  const members = canonicalMembers({ ...value, [key]: null });
  const at = members.findIndex((m) => m.key === key);
  const head = members
    .slice(0, at)
    .map((m) => `${m.encoded},`)
    .join("");
  const tail = members
    .slice(at + 1)
    .map((m) => `,${m.encoded}`)
    .join("");
  return { before: `{${head}${JSON.stringify(key)}:`, after: `${tail}}` };
}
