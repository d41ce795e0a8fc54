import { Prisma } from "../../generated/prisma/client";
import type { ComplaintCategory, ComplaintSource, ComplaintStatus } from "../../generated/prisma/enums";
import type { Scope } from "../authz/scope";
import type { Db } from "../db/client";
import { type RosterPageInput, containsPattern, rosterPage, searchText } from "./roster-page";

export type ComplaintListRow = {
  ref: string;
  receivedOn: string;
  source: ComplaintSource;
  category: ComplaintCategory;
  status: ComplaintStatus;
  resolvedOn: string | null;
};

export type DepartmentComplaintsInput = RosterPageInput & { status?: ComplaintStatus; category?: ComplaintCategory };

/** A department's complaints as list rows (dates as YYYY-MM-DD), newest first; `where` is a condition on `"Complaint" c`. */
export function complaintRowsSql(where: Prisma.Sql, limit?: number): Prisma.Sql {
  return Prisma.sql`
    select c.ref, to_char(c."receivedOn", 'YYYY-MM-DD') as "receivedOn", c.source, c.category, c.status,
           to_char(c."resolvedOn", 'YYYY-MM-DD') as "resolvedOn"
    from "Complaint" c where ${where} order by c."receivedOn" desc, c.ref ${limit === undefined ? Prisma.empty : Prisma.sql`limit ${limit}`}`;
}

/**
 * One page of the dossier's complaints table, newest first, with the exact number matching: `q`
 * finds a reference (any part, case-insensitive), `status` and `category` narrow the list.
 * Summaries (personal data) are never listed; each complaint's own page shows them to those allowed.
 */
export async function departmentComplaints(db: Db, scope: Scope, input: DepartmentComplaintsInput) {
  const q = searchText(input.q);
  const filters = Prisma.join(
    [
      Prisma.sql`c."departmentId" = d.id`,
      q ? Prisma.sql`c.ref ilike ${containsPattern(q)}` : null,
      input.status ? Prisma.sql`c.status = ${input.status}::"ComplaintStatus"` : null,
      input.category ? Prisma.sql`c.category = ${input.category}::"ComplaintCategory"` : null,
    ].filter((x): x is Prisma.Sql => x !== null),
    " and ",
  );
  const page = await rosterPage<ComplaintListRow>(db, scope, input, {
    matched: Prisma.sql`select c.id as key, c."receivedOn", c.ref from "Complaint" c, d where ${filters}`,
    order: Prisma.sql`"receivedOn" desc, ref`,
    rowsOf: (keys) => complaintRowsSql(Prisma.sql`c.id in ${keys}`),
  });
  return { ...page, q };
}
