import { statesByNameSql } from "../db/collation";
import type { Db } from "../db/client";

/** The 32 states for the user forms' state field, by name in Spanish collation. */
export function stateOptions(db: Db): Promise<{ code: string; name: string }[]> {
  return db.$queryRaw<{ code: string; name: string }[]>(statesByNameSql(null));
}
