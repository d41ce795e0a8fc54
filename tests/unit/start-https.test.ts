import { describe, expect, it, vi } from "vitest";
import { EXIT } from "~/cli/command";
import { insecureOriginProblem, start } from "~/cli/commands/start";

describe("vigila start and the public origin", () => {
  it("accepts only an https:// AUTH_URL unless --allow-insecure-http is given", () => {
    expect(insecureOriginProblem("https://vigila.example.gob.mx", false)).toBeNull();
    expect(insecureOriginProblem("http://vigila.example.gob.mx", false)).toMatch(
      /AUTH_URL is http:\/\/vigila\.example\.gob\.mx.*--allow-insecure-http/,
    );
    expect(insecureOriginProblem(undefined, false)).toMatch(/AUTH_URL must be set/);
    expect(insecureOriginProblem("http://10.0.0.5:3000", true)).toBeNull();
    expect(insecureOriginProblem(undefined, true)).toBeNull();
  });

  it("refuses to start without an https origin, saying why, before touching anything", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await start.run({ values: {}, positionals: [] })).toBe(EXIT.REJECTED);
      expect(String(stderr.mock.calls[0]?.[0])).toMatch(/AUTH_URL must be set/);
    } finally {
      stderr.mockRestore();
    }
  });
});
