import { describe, expect, it } from "vitest";
import { commandNames, loadCommand } from "~/cli/commands";

describe("vigila command table", () => {
  it("loads, under each listed name, the command of that name", { timeout: 60_000 }, async () => {
    for (const name of commandNames) expect((await loadCommand(name))?.name).toBe(name);
    expect(await loadCommand("no-such-command")).toBeNull();
    expect(await loadCommand("toString")).toBeNull();
  });
});
