import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type Messages = { [key: string]: string | Messages };

const load = (locale: string): Messages => JSON.parse(readFileSync(path.resolve("messages", `${locale}.json`), "utf8")) as Messages;

/** Every leaf key as a dotted path, e.g. "dossier.why.title". */
function leafKeys(messages: Messages, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

/** ICU argument names used by a message, e.g. {count} and {date} in "vence el {date}". */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

function leaves(messages: Messages, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

describe("translations", () => {
  const es = load("es");
  const en = load("en");

  it("es.json and en.json have exactly the same keys", () => {
    const esKeys = leafKeys(es).sort();
    const enKeys = leafKeys(en).sort();
    expect(
      esKeys.filter((k) => !enKeys.includes(k)),
      "keys missing from en.json",
    ).toEqual([]);
    expect(
      enKeys.filter((k) => !esKeys.includes(k)),
      "keys missing from es.json",
    ).toEqual([]);
    expect(esKeys.length).toBeGreaterThan(100);
  });

  it("no message is empty and both languages use the same placeholders", () => {
    const english = new Map(leaves(en));
    for (const [key, spanish] of leaves(es)) {
      expect(spanish.trim(), `es ${key} is empty`).not.toBe("");
      const other = english.get(key);
      if (other === undefined) continue; // reported by the key test
      expect(other.trim(), `en ${key} is empty`).not.toBe("");
      expect(argumentsOf(other), `placeholders of ${key}`).toEqual(argumentsOf(spanish));
    }
  });

  it("the placeholder reader sees ICU arguments, plural ones included", () => {
    expect(argumentsOf("{count, plural, one {# corporación} other {# corporaciones}} al {date}")).toEqual(["count", "date"]);
  });
});
