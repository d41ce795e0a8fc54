import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from "~/server/audit/actions";

type Messages = { [key: string]: string | Messages };
const load = (locale: string) => JSON.parse(readFileSync(path.resolve("messages", `${locale}.json`), "utf8")) as Messages;

/** The message at a dotted path, as next-intl resolves it (nested objects). */
function at(messages: Messages, dotted: string): unknown {
  return dotted
    .split(".")
    .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Messages)[part] : undefined), messages);
}

describe.each(["es", "en"])("audit labels in %s", (locale) => {
  const audit = load(locale).audit as Messages;

  it("names every action an audit event can record", () => {
    const missing = AUDIT_ACTIONS.filter((action) => typeof at(audit, `actions.${action}`) !== "string");
    expect(missing).toEqual([]);
  });

  it("names every kind of record an event can be about", () => {
    const missing = AUDIT_TARGET_TYPES.filter((type) => typeof at(audit, `targetTypes.${type}`) !== "string");
    expect(missing).toEqual([]);
  });

  it("labels no action that cannot be recorded (a stale label hides a renamed code)", () => {
    const leaves = (node: unknown, prefix: string): string[] =>
      typeof node === "string" ? [prefix] : Object.entries(node as Messages).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
    expect(leaves(audit.actions, "").sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it("never labels an action with its code", () => {
    const same = AUDIT_ACTIONS.filter((action) => at(audit, `actions.${action}`) === action);
    expect(same).toEqual([]);
  });
});

it("the Spanish and English labels differ (nothing left untranslated)", () => {
  const es = load("es").audit as Messages;
  const en = load("en").audit as Messages;
  const untranslated = AUDIT_ACTIONS.filter((action) => at(es, `actions.${action}`) === at(en, `actions.${action}`));
  expect(untranslated).toEqual([]);
});
