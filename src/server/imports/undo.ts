import { Prisma } from "../../generated/prisma/client";
import type { ImportKind } from "../../generated/prisma/enums";
import { recordImportAlerts } from "../alerts/record";
import { type AuditActor, recordAudit } from "../audit/record";
import type { Db, Tx } from "../db/client";
import { AppError, notFound } from "../errors";
import { KIND_SPECS } from "./kinds";
import { current, image } from "./plan";
import { IMPORT_LOCK_KEY } from "./run-import";
import type { TargetSpec } from "./types";

/*
 * Undo of a completed import batch from its ImportChange images, all set-based and in one
 * transaction under the import lock: records the batch created are deleted, records it updated get
 * their before-image back (with a new version, so stale editors still conflict). Refused when any
 * touched record no longer matches the batch's after-image (changed, re-imported or deleted since)
 * or when later records depend on records the batch created.
 */

export type UndoResult = { batchId: number; removed: number; restored: number };

const refused = (batchId: number, reason: string) =>
  new AppError("CONFLICT", `Import batch ${batchId} cannot be undone: ${reason}. Nothing was changed.`);

/** Joins each change of the batch to the record as it is now (null when it no longer exists). */
const changesWithCurrent = (t: TargetSpec) =>
  `from "ImportChange" c left join ${current(t)} t on t."id"::text = c."after"->>'id' where c."batchId" = $1 and c."entity" = '${t.entity}'`;

/** Locks the touched records that still exist until the undo commits, so the check below holds. */
async function lockTouched(tx: Tx, batchId: number, t: TargetSpec) {
  await tx.$queryRawUnsafe(
    `select 1 from "${t.entity}" t join "ImportChange" c on c."batchId" = $1 and c."entity" = '${t.entity}' and t."id"::text = c."after"->>'id' for update of t`,
    batchId,
  );
}

/** Values compared without the version: undoing a later batch bumps versions but restores values. */
async function assertUntouchedSince(tx: Tx, batchId: number, t: TargetSpec) {
  const differs = `(${image(t, "t")} - 'version') <> (c."after" - 'version')`;
  const [row] = await tx.$queryRawUnsafe<{ gone: number; changed: number; examples: string[] | null }[]>(
    `select count(*) filter (where t."id" is null)::int as gone,
            count(*) filter (where t."id" is not null and ${differs})::int as changed,
            (array_agg(c."key" order by c."key") filter (where t."id" is null or ${differs}))[1:5] as examples
     ${changesWithCurrent(t)}`,
    batchId,
  );
  if (!row || row.gone + row.changed === 0) return;
  const parts = [
    row.changed ? `${row.changed} record(s) were changed after this import` : null,
    row.gone ? `${row.gone} record(s) were deleted after it` : null,
  ];
  throw refused(batchId, `${parts.filter(Boolean).join(" and ")} (for example ${row.examples?.join(", ")})`);
}

/** Later records that would silently disappear with a created record (cascading foreign keys). */
const CASCADING_DEPENDENTS: Record<string, { table: string; column: string; what: string; excludeBatchColumn?: string }[]> = {
  Officer: [
    { table: "TrainingRecord", column: "officerId", what: "training records" },
    { table: "VettingEvaluation", column: "officerId", what: "vetting evaluations" },
    { table: "ComplaintOfficer", column: "officerId", what: "complaint links" },
    { table: "OfficerAssignment", column: "officerId", what: "assignments", excludeBatchColumn: "importBatchId" },
  ],
  Complaint: [{ table: "SourceLink", column: "complaintId", what: "evidence links" }],
};

async function assertNoDependents(tx: Tx, batchId: number, t: TargetSpec) {
  for (const d of CASCADING_DEPENDENTS[t.entity] ?? []) {
    const own = d.excludeBatchColumn ? `and x."${d.excludeBatchColumn}" is distinct from $1` : "";
    const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(
      `select count(*)::int as n from "${d.table}" x join "ImportChange" c on c."batchId" = $1 and c."before" is null
       and x."${d.column}"::text = c."after"->>'id' where true ${own}`,
      batchId,
    );
    if (row && row.n > 0) throw refused(batchId, `${row.n} later ${d.what} refer to records it created; undo or remove those first`);
  }
}

/** The links an import writes beside its records (see the kinds' afterWrite), put back first. */
const UNDO_LINKS: Partial<Record<ImportKind, (tx: Tx, batchId: number) => Promise<unknown>>> = {
  // Assignments the batch opened go; the ones it closed (ended when the new one was recorded) reopen.
  officers: (tx, batchId) =>
    tx.$executeRaw`with removed as (delete from "OfficerAssignment" where "importBatchId" = ${batchId} returning "id", "officerId", "recordedAt")
      update "OfficerAssignment" a set "endedAt" = null from removed r where a."officerId" = r."officerId" and a."endedAt" = r."recordedAt" and a."id" <> r."id"`,
  complaints: async (tx, batchId) => {
    await tx.$executeRaw`delete from "ComplaintOfficer" co using "ImportChange" c
      where c."batchId" = ${batchId} and co."complaintId"::text = c."after"->>'id'`;
    await tx.$executeRaw`insert into "ComplaintOfficer" ("complaintId", "officerId")
      select (c."after"->>'id')::int, x from "ImportChange" c cross join jsonb_array_elements_text(c."before"->'officerIds') x
      where c."batchId" = ${batchId} and c."before" is not null`;
  },
};

async function restoreRecords(tx: Tx, batchId: number, t: TargetSpec): Promise<number> {
  const stamp = t.hasTimestamps ? `, "updatedAt" = now()` : "";
  return tx.$executeRawUnsafe(
    `update "${t.entity}" t set ${t.fields.map((f) => `"${f}" = r."${f}"`).join(", ")}, "version" = t."version" + 1${stamp}
     from "ImportChange" c, jsonb_populate_record(null::"${t.entity}", c."before") r
     where c."batchId" = $1 and c."entity" = '${t.entity}' and c."before" is not null and t."id"::text = c."after"->>'id'`,
    batchId,
  );
}

async function removeCreated(tx: Tx, batchId: number, t: TargetSpec): Promise<number> {
  try {
    return await tx.$executeRawUnsafe(
      `delete from "${t.entity}" t using "ImportChange" c
       where c."batchId" = $1 and c."entity" = '${t.entity}' and c."before" is null and t."id"::text = c."after"->>'id'`,
      batchId,
    );
  } catch (err) {
    // Restricting foreign keys (a department now used by officers, evaluations, reviews…).
    if (err instanceof Prisma.PrismaClientKnownRequestError || String(err).includes("foreign key")) {
      throw refused(
        batchId,
        "later records (officers, complaints, evaluations or reviews) refer to records it created; remove those first",
      );
    }
    throw err;
  }
}

/** Undoes COMPLETED batch `batchId` (IA supervisors: permission imports.undo); audited. */
export async function undoImport(db: Db, actor: AuditActor & { userId: number }, batchId: number): Promise<UndoResult> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`;
      const [batch] = await tx.$queryRaw<
        { status: string; kind: ImportKind }[]
      >`select "status"::text as "status", "kind" from "ImportBatch" where "id" = ${batchId} for update`;
      if (!batch) throw notFound("Import batch");
      if (batch.status !== "COMPLETED") throw refused(batchId, `only a completed import can be undone, and this one is ${batch.status}`);
      const t = KIND_SPECS[batch.kind].target;
      await lockTouched(tx, batchId, t);
      await assertUntouchedSince(tx, batchId, t);
      await assertNoDependents(tx, batchId, t);
      await UNDO_LINKS[batch.kind]?.(tx, batchId);
      const [expected] = await tx.$queryRaw<{ created: number; updated: number }[]>`
        select count(*) filter (where "before" is null)::int as created, count(*) filter (where "before" is not null)::int as updated
        from "ImportChange" where "batchId" = ${batchId}`;
      const restored = await restoreRecords(tx, batchId, t);
      const removed = await removeCreated(tx, batchId, t);
      if (restored !== expected!.updated || removed !== expected!.created)
        throw refused(batchId, "its records do not match its change log");
      await recordImportAlerts(tx, batchId);
      await tx.importBatch.update({ where: { id: batchId }, data: { status: "UNDONE", undoneById: actor.userId, undoneAt: new Date() } });
      await recordAudit(tx, {
        actor,
        action: "import.undone",
        targetType: "ImportBatch",
        targetId: batchId,
        metadata: { kind: batch.kind, removed, restored },
      });
      return { batchId, removed, restored };
    },
    { timeout: 30 * 60_000, maxWait: 30 * 60_000 },
  );
}
