import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalJsonAround } from "~/server/audit/canonical";

// The audit trail hashes `before + "<time>" + after` in PostgreSQL and `canonicalJson(event)` when verifying:
// the two must be the same text for every event, whatever its members.
describe("canonicalJsonAround", () => {
  it("leaves exactly the named member open, for any object and any value", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), fc.jsonValue(), (object, key, value) => {
        const { before, after } = canonicalJsonAround(object, key);
        expect(before + canonicalJson(value) + after).toBe(canonicalJson({ ...object, [key]: value }));
      }),
      { numRuns: 500 },
    );
  });

  it("puts the member where the sort puts it: first, middle, last and alone", () => {
    expect(canonicalJsonAround({ b: 1, c: 2 }, "a")).toEqual({ before: '{"a":', after: ',"b":1,"c":2}' });
    expect(canonicalJsonAround({ a: 1, c: 2 }, "b")).toEqual({ before: '{"a":1,"b":', after: ',"c":2}' });
    expect(canonicalJsonAround({ a: 1, b: 2 }, "c")).toEqual({ before: '{"a":1,"b":2,"c":', after: "}" });
    expect(canonicalJsonAround({}, "occurredAt")).toEqual({ before: '{"occurredAt":', after: "}" });
  });

  it("replaces a member of the same name and ignores undefined members", () => {
    expect(canonicalJsonAround({ occurredAt: "x", z: undefined, y: null }, "occurredAt")).toEqual({
      before: '{"occurredAt":',
      after: ',"y":null}',
    });
  });
});
