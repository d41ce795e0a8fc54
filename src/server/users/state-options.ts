import type { Db } from "../db/client";

/** The 32 states for the user forms' state field, by name in Spanish order. */
export function stateOptions(db: Db): Promise<{ code: string; name: string }[]> {
  return db.state.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } });
}
