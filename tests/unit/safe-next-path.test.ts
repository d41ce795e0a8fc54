import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "~/server/auth/request-guard";

const SITE = "https://vigila.example.gob.mx";
// Where a browser lands when the login form (window.location.assign) or the page's redirect follows `next`.
const landing = (next: string) => new URL(next, SITE);

describe("safeNextPath: where the app goes after sign-in", () => {
  it("keeps paths on this site, normalised the way the browser reads them", () => {
    expect(safeNextPath("/departments?x=1#top", SITE)).toBe("/departments?x=1#top");
    expect(safeNextPath("/loginsights", SITE)).toBe("/loginsights");
    expect(safeNextPath("/a/../departments", SITE)).toBe("/departments");
    expect(safeNextPath(`${SITE}/audit`, SITE)).toBe("/audit");
  });

  it.each([
    ["tab", "/\t/evil.example/x"],
    ["newline", "/\n/evil.example/x"],
    ["carriage return", "/\r/evil.example/x"],
    ["tab inside", "/\t\t/\tevil.example"],
    ["backslash", "/\\evil.example"],
    ["backslash after tab", "/\t\\evil.example"],
    ["double slash", "//evil.example/x"],
    ["absolute", "https://evil.example/x"],
    ["absolute, other scheme", "http://vigila.example.gob.mx/x"],
    ["absolute, other port", "https://vigila.example.gob.mx:8443/x"],
    ["scheme-relative with credentials", "//vigila.example.gob.mx@evil.example/"],
    ["javascript", "javascript:alert(1)"],
    ["login loop", "/login?next=%2F"],
    ["login loop after dot segments", "/x/../login"],
    ["empty", ""],
  ])("refuses %s", (_name, value) => {
    expect(safeNextPath(value, SITE)).toBe("/");
    expect(safeNextPath(value)).toBe("/");
  });

  it("decodes the query's percent-encoding first, as the login page receives it (%09 is a tab)", () => {
    const next = new URL(`${SITE}/login?next=/%09/evil.example/`).searchParams.get("next");
    expect(safeNextPath(next, SITE)).toBe("/");
    // Encoded slashes inside the path stay a path on this site.
    expect(landing(safeNextPath("/%2F%2Fevil.example", SITE)).origin).toBe(SITE);
  });

  it("never sends the browser off this origin, whatever the input", () => {
    const piece = fc.constantFrom("/", "\\", "\t", "\n", "\r", "evil.example", "@", ":", "%09", "%2F", ".", "..", "x", "?", "#", " ");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const next = safeNextPath(pieces.join(""), SITE);
        expect(next.startsWith("/") && !next.startsWith("//")).toBe(true);
        expect(landing(next).origin).toBe(SITE);
      }),
      { numRuns: 2_000 },
    );
  });
});
