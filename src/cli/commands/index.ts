import type { Command } from "../command";

/*
 * Every `vigila` sub-command, in the order `--help` lists them. Each is loaded only when run (or
 * for --help): loading all of them pulls in Next, pg-boss, the rules engine and more, which costs
 * `vigila import` over a second and ~100 MB before it reads a byte.
 */
const loaders: Record<string, () => Promise<Command>> = {
  "db:migrate": () => import("./db-migrate").then((m) => m.dbMigrate),
  evaluate: () => import("./evaluate").then((m) => m.evaluateCommand),
  "audit:verify": () => import("./audit-verify").then((m) => m.auditVerify),
  import: () => import("./import").then((m) => m.importCommand),
  export: () => import("./export").then((m) => m.exportCommand),
  seed: () => import("./seed").then((m) => m.seed),
  demo: () => import("./demo").then((m) => m.demo),
  start: () => import("./start").then((m) => m.start),
  "users:create": () => import("./users-create").then((m) => m.usersCreate),
  worker: () => import("./worker").then((m) => m.workerCommand),
  "alerts:run": () => import("./alerts-run").then((m) => m.alertsRunCommand),
};

export const commandNames = Object.keys(loaders);

export async function loadCommand(name: string): Promise<Command | null> {
  return Object.hasOwn(loaders, name) ? loaders[name]!() : null;
}

export const loadAllCommands = () => Promise.all(commandNames.map((name) => loaders[name]!()));
