/**
 * `npm run bench -- <name> [args]`: runs scripts/bench/<name>.ts (`npm run bench` alone: the rules
 * benchmark). Benchmarks print their figures to stdout; record them (command, machine, date,
 * median of ≥ 3 runs) in docs/benchmarks.md.
 */
import { existsSync } from "node:fs";
import path from "node:path";

const [name = "rules", ...rest] = process.argv.slice(2);
const file = name && /^[a-z0-9-]+$/.test(name) ? path.resolve(import.meta.dirname, `${name}.ts`) : null;
if (!file || !existsSync(file)) {
  process.stderr.write("usage: npm run bench -- <name> (a file scripts/bench/<name>.ts)\n");
  process.exit(2);
}
process.argv = [process.argv[0]!, file, ...rest];
await import(file);
