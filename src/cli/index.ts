import { releaseDatabase } from "../server/db/connection";
import { disconnectDb } from "../server/db/client";
import { log } from "../server/log";
import { EXIT, UsageError, parseCommandArgs } from "./command";
import { loadAllCommands, loadCommand } from "./commands";

async function help() {
  const commands = await loadAllCommands();
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: vigila <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun 'vigila <command> --help' for a command's options.\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(await help());
    return name ? EXIT.OK : EXIT.USAGE;
  }
  const command = await loadCommand(name);
  if (!command) {
    process.stderr.write(`Unknown command '${name}'.\n\n${await help()}`);
    return EXIT.USAGE;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`Usage: ${command.usage}\n\n${command.summary}\n`);
    return EXIT.OK;
  }
  try {
    return await command.run(parseCommandArgs(command, rest));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\nUsage: ${command.usage}\n`);
      return EXIT.USAGE;
    }
    log.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    return EXIT.REJECTED;
  }
}

const code = await main(process.argv.slice(2));
await disconnectDb();
await releaseDatabase();
// A report of 10,000 lines into a pipe is still being written when the command returns: exiting at once
// would cut it short. The callback of an empty write runs once everything before it has been handed on.
await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
process.exit(code);
