import type { Command } from "../command";
import { dbMigrate } from "./db-migrate";

/** Every `vigila` sub-command, in the order `--help` lists them. */
export const commands: Command[] = [dbMigrate];
