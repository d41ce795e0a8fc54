import type { Command } from "../command";
import { alertsRunCommand } from "./alerts-run";
import { auditVerify } from "./audit-verify";
import { dbMigrate } from "./db-migrate";
import { demo } from "./demo";
import { evaluateCommand } from "./evaluate";
import { exportCommand } from "./export";
import { importCommand } from "./import";
import { seed } from "./seed";
import { start } from "./start";
import { usersCreate } from "./users-create";
import { workerCommand } from "./worker";

/** Every `vigila` sub-command, in the order `--help` lists them. */
export const commands: Command[] = [dbMigrate, evaluateCommand, auditVerify, importCommand, exportCommand, seed, demo, start, usersCreate, workerCommand, alertsRunCommand];
