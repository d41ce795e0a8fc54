import { recordAudit } from "../audit/record";
import type { Scope } from "../authz/scope";
import type { Db, DbOrTx } from "../db/client";
import { AppError, notFound } from "../errors";
import { actorFromScope, type WorkflowScope } from "../workflow/context";
import { DEFAULT_QUEUE_QUERY, queueQueryFromSearch, queueSearch } from "./queue-query";

export const MAX_SAVED_FILTERS = 30;
const MAX_NAME = 80;

/** The caller's own saved views of the queue, by name. */
export async function listSavedFilters(db: DbOrTx, scope: Scope) {
  const rows = await db.savedQueueFilter.findMany({ where: { userId: scope.userId }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return rows.map((r) => ({ id: r.id, name: r.name, query: r.query }));
}

/**
 * Saves the current filters and sort under a name (saving an existing name replaces its query). The query is
 * re-read through the queue's own parser and stored without page, so a saved view always opens on its first page.
 */
export async function saveFilter(db: Db, scope: WorkflowScope, input: { name: string; query: string }) {
  const name = input.name.trim();
  if (name.length < 1 || name.length > MAX_NAME) {
    throw new AppError("BAD_REQUEST", `A saved filter needs a name of 1 to ${MAX_NAME} characters`, { field: "name" });
  }
  const parsed = queueQueryFromSearch(Object.fromEntries(new URLSearchParams(input.query)));
  const query = queueSearch({ ...parsed, page: DEFAULT_QUEUE_QUERY.page });
  return db.$transaction(async (tx) => {
    const existing = await tx.savedQueueFilter.findUnique({ where: { userId_name: { userId: scope.userId, name } } });
    if (!existing && (await tx.savedQueueFilter.count({ where: { userId: scope.userId } })) >= MAX_SAVED_FILTERS) {
      throw new AppError("BAD_REQUEST", `You can keep at most ${MAX_SAVED_FILTERS} saved filters; delete one first`, { field: "name" });
    }
    // A native INSERT … ON CONFLICT: two tabs saving the same name end with one row, the last query.
    const saved = await tx.savedQueueFilter.upsert({
      where: { userId_name: { userId: scope.userId, name } },
      create: { userId: scope.userId, name, query },
      update: { query },
    });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "queue.filter.save",
      targetType: "SavedQueueFilter",
      targetId: saved.id,
      changes: { query: { before: existing?.query ?? null, after: query } },
      metadata: { name },
    });
    return { id: saved.id, name, query };
  });
}

export async function deleteFilter(db: Db, scope: WorkflowScope, id: number) {
  return db.$transaction(async (tx) => {
    const existing = await tx.savedQueueFilter.findFirst({ where: { id, userId: scope.userId } });
    if (!existing) throw notFound("Saved filter");
    await tx.savedQueueFilter.delete({ where: { id } });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "queue.filter.delete",
      targetType: "SavedQueueFilter",
      targetId: id,
      changes: { query: { before: existing.query, after: null } },
      metadata: { name: existing.name },
    });
    return { id };
  });
}
