import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db/client";
import type { CompiledRule } from "./definition";
import type { MetricSource } from "./metrics/types";
import type { StatementPart } from "./sql";

/**
 * Splits an evaluation into one part per metric source, the vetting part first and with the staffing
 * (it reads the same latest evaluations): each part reads different large tables, so they can run
 * side by side.
 */
export function partsBySource(rules: CompiledRule[]): StatementPart[] {
  const bySource = new Map<MetricSource, number[]>([["vetting", []]]);
  rules.forEach((rule, i) => bySource.set(rule.metric.source, [...(bySource.get(rule.metric.source) ?? []), i]));
  return [...bySource].map(([source, indices]) => ({ rules: indices, staff: source === "vetting" }));
}

// Beyond two connections the parts only compete for the same CPUs (and for the app's pool).
const CONNECTIONS = 2;
// The helper connection is a bonus: when the pool has none free soon, the lead runs every part.
const HELPER_WAIT_MS = 500;
const TIMEOUT_MS = 10 * 60_000;
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+(-[0-9A-F]+)?$/i;

/**
 * Runs read-only statements on up to two connections of `db`, all in ONE snapshot: the lead
 * transaction exports its snapshot and the helper imports it (both repeatable read), so the parts
 * see exactly the same data, as a single statement would. Results come back in statement order.
 */
export async function queryInOneSnapshot<T>(db: Db, statements: Prisma.Sql[]): Promise<T[][]> {
  if (statements.length === 1) return [await db.$queryRaw<T[]>(statements[0]!)];
  const repeatableRead = Prisma.TransactionIsolationLevel.RepeatableRead;
  return db.$transaction(
    async (lead) => {
      const [exported] = await lead.$queryRaw<{ id: string }[]>`select pg_export_snapshot() as id`;
      const snapshot = exported!.id;
      if (!SNAPSHOT_ID.test(snapshot)) throw new Error(`unexpected snapshot id ${snapshot}`);
      const results: T[][] = [];
      let next = 0;
      const work = async (query: (sql: Prisma.Sql) => Promise<T[]>) => {
        while (next < statements.length) {
          const index = next++;
          results[index] = await query(statements[index]!);
        }
      };
      const helpers = Array.from({ length: CONNECTIONS - 1 }, () => {
        let started = false;
        return db
          .$transaction(
            async (tx) => {
              // Must precede the transaction's first query; the snapshot lives as long as the lead.
              await tx.$executeRawUnsafe(`set transaction snapshot '${snapshot}'`);
              started = true;
              await work((sql) => tx.$queryRaw<T[]>(sql));
            },
            { isolationLevel: repeatableRead, maxWait: HELPER_WAIT_MS, timeout: TIMEOUT_MS },
          )
          .catch((err: unknown) => {
            // No connection in time (or the lead already finished): the lead did the work.
            if (started) throw err;
          });
      });
      await Promise.all([work((sql) => lead.$queryRaw<T[]>(sql)), ...helpers]);
      return results;
    },
    { isolationLevel: repeatableRead, timeout: TIMEOUT_MS },
  );
}
