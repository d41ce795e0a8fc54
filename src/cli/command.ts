import { parseArgs, type ParseArgsConfig } from "node:util";

/** A `vigila` sub-command. `run` returns the process exit code. */
export type Command = {
  name: string;
  summary: string;
  usage: string;
  options?: ParseArgsConfig["options"];
  run: (args: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] }) => Promise<number>;
};

/** Exit codes shared by every command: 0 done, 1 rejected/failed, 2 usage error. */
export const EXIT = { OK: 0, REJECTED: 1, USAGE: 2 } as const;

export class UsageError extends Error {}

export function parseCommandArgs(command: Command, argv: string[]) {
  try {
    return parseArgs({ args: argv, options: command.options ?? {}, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function stringOption(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}
