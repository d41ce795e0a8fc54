/**
 * The editor keeps the rule-set definition as plain JSON and edits it by path, so whatever the form
 * holds is exactly what the server validates (with the engine's schema) and stores.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = (string | number)[];

/** How a JSON value reads in a text field: objects and arrays as JSON, everything else as itself. */
export function jsonText(value: Json | undefined): string {
  if (value === undefined || value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** A copy of `value` with `path` set to `next` (or removed when `next` is undefined). */
export function setAt(value: Json, path: Path, next: Json | undefined): Json {
  if (path.length === 0) return next ?? null;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (next === undefined && rest.length === 0) copy.splice(Number(head), 1);
    else copy[Number(head)] = setAt(copy[Number(head)] ?? null, rest, next);
    return copy;
  }
  const key = String(head);
  const object: Record<string, Json> = value !== null && typeof value === "object" ? { ...value } : {};
  if (next === undefined && rest.length === 0) return Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));
  object[key] = setAt(object[key] ?? null, rest, next);
  return object;
}

export function getAt(value: Json, path: Path): Json | undefined {
  let node: Json | undefined = value;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = Array.isArray(node) ? node[Number(key)] : node[String(key)];
  }
  return node;
}

/** Problems by field path, as the server reports them ("rules.2.params.windowDays"). */
export type FieldErrors = Record<string, string[]>;

/** The problems of exactly this field, or (with `nested`) of it and everything inside it. */
export function errorsAt(errors: FieldErrors | null, path: Path, nested = false): string[] {
  if (!errors) return [];
  const key = path.join(".");
  return Object.entries(errors).flatMap(([at, messages]) => (at === key || (nested && at.startsWith(`${key}.`)) ? messages : []));
}

/** What a number field holds: the number typed, or the raw text so the server can say why it is not one. */
export const numberOrText = (text: string): Json => (text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text);

export const fieldId = (path: Path) => `f-${path.join("-")}`;
