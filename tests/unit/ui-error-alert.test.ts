import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function uiFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return uiFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

/** `error.message`, `x.error.message`, `failure.message`, `err.message` … printed in JSX instead of through ErrorAlert. */
const AD_HOC = /\b(error|err|failure|\w+\.error)\??\.message\b/;
// The error boundary shows a digest (or a client-side exception) and no API message; ErrorAlert itself reads messages.
// Server-rendered pages may show a server caller's (English) message once it went through the catalogue.
const LOCALISED = /localiseErrorMessage\(\w+\.message/;
const ALLOWED = new Set(["src/app/error.tsx", "src/components/ui/error-alert.tsx"]);

describe("the UI shows failed requests only through ErrorAlert", () => {
  it("no page or component prints an error's message itself", () => {
    const files = [...uiFiles(path.resolve("src/app")), ...uiFiles(path.resolve("src/components"))].map((f) =>
      path.relative(process.cwd(), f),
    );
    expect(files.length).toBeGreaterThan(50);
    const offenders = files
      .filter((f) => !ALLOWED.has(f))
      .flatMap((f) =>
        readFileSync(f, "utf8")
          .split("\n")
          .flatMap((line, i) => (AD_HOC.test(line) && !LOCALISED.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
