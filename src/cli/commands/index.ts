import type { Command } from "../command";
import { auditVerify } from "./audit-verify";
import { dbMigrate } from "./db-migrate";

/** Every `vigila` sub-command, in the order `--help` lists them. */
export const commands: Command[] = [dbMigrate, auditVerify];
