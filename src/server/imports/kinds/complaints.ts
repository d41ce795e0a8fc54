import type { Tx } from "../../db/client";
import type { Fail, KindSpec, RowValues } from "../types";
import { DATE, DEPARTMENT_CODE, OFFICER_ID_LIST, TEXT, column, departmentExists, enumOf } from "./columns";

export const RESOLVED_STATUSES = ["SUSTAINED", "NOT_SUSTAINED", "UNFOUNDED"] as const;

export type ResolutionProblem = "required" | "forbidden" | "beforeReceived";

/**
 * A complaint's status and resolution date agree: a resolved status needs the date, any other forbids
 * it, and it is never before the complaint was received. Dates are YYYY-MM-DD, so text order is date
 * order. Shared by the import (below) and a status change in the app (complaints/change-status.ts).
 */
export function resolutionProblems(status: string | null, receivedOn: string | null, resolvedOn: string | null): ResolutionProblem[] {
  const mustBeResolved = (RESOLVED_STATUSES as readonly string[]).includes(status ?? "");
  const problems: ResolutionProblem[] = [];
  if (mustBeResolved && !resolvedOn) problems.push("required");
  if (!mustBeResolved && resolvedOn) problems.push("forbidden");
  if (resolvedOn && receivedOn && resolvedOn < receivedOn) problems.push("beforeReceived");
  return problems;
}

function resolutionRules(row: RowValues, fail: Fail) {
  const message: Record<ResolutionProblem, string> = {
    required: `is required when status is ${row.status}`,
    forbidden: `must be empty when status is ${row.status}`,
    beforeReceived: `${row.resolved_on} is before received_on ${row.received_on}`,
  };
  for (const problem of resolutionProblems(row.status ?? null, row.received_on ?? null, row.resolved_on ?? null)) {
    fail("resolved_on", message[problem]);
  }
}

/** `officer_ids` replaces the complaint's officer links (only for complaints the file changed). */
async function replaceOfficerLinks(tx: Tx) {
  await tx.$executeRawUnsafe(
    `delete from "ComplaintOfficer" co using import_plan p join "Complaint" c on c.ref = p."ref"
     where p._action <> 'unchanged' and co."complaintId" = c.id and co."officerId" <> all(p."officerIds")`,
  );
  await tx.$executeRawUnsafe(
    `insert into "ComplaintOfficer" ("complaintId", "officerId")
     select c.id, x from import_plan p join "Complaint" c on c.ref = p."ref" cross join unnest(p."officerIds") x
     where p._action <> 'unchanged' on conflict do nothing`,
  );
}

export const complaints: KindSpec = {
  kind: "complaints",
  columns: [
    column("complaint_ref", true, { kind: "pattern", pattern: /^[^\r\n]{1,40}$/u, rule: "1–40 characters on one line" }),
    column("department_code", true, DEPARTMENT_CODE),
    column("received_on", true, DATE),
    column("source", true, enumOf(["CITIZEN", "CNDH", "STATE_COMMISSION", "INTERNAL", "MEDIA", "OTHER"])),
    column(
      "category",
      true,
      enumOf([
        "TORTURE",
        "FORCED_DISAPPEARANCE",
        "EXTRAJUDICIAL_KILLING",
        "SEXUAL_ABUSE",
        "EXCESSIVE_FORCE",
        "ARBITRARY_DETENTION",
        "EXTORTION",
        "CORRUPTION",
        "COLLUSION",
        "OTHER",
      ]),
    ),
    column("status", true, enumOf(["RECEIVED", "INVESTIGATING", "SUSTAINED", "NOT_SUSTAINED", "UNFOUNDED", "WITHDRAWN"])),
    column("resolved_on", false, DATE),
    column("officer_ids", false, OFFICER_ID_LIST),
    column("summary", false, TEXT),
  ],
  key: ["complaint_ref"],
  rowRules: resolutionRules,
  references: [
    departmentExists,
    {
      column: "officer_ids",
      sql: `select s.line, format('officer %s does not exist', x) as message from import_stage s cross join unnest(s.officer_ids) x
            where not exists (select 1 from "Officer" o where o.id = x)`,
    },
  ],
  target: {
    entity: "Complaint",
    resolved: `select s.line, s.complaint_ref as "ref", d.id as "departmentId", s.received_on as "receivedOn",
                 s.source::"ComplaintSource" as "source", s.category::"ComplaintCategory" as "category",
                 s.status::"ComplaintStatus" as "status", s.resolved_on as "resolvedOn", s.summary as "summary",
                 array(select x from unnest(coalesce(s.officer_ids, '{}')) x order by x collate "C") as "officerIds"
               from import_stage s join "Department" d on d.code = s.department_code`,
    key: ["ref"],
    fields: ["departmentId", "receivedOn", "source", "category", "status", "resolvedOn", "summary"],
    derived: ["officerIds"],
    current: `(select c.*, array(select co."officerId"::text from "ComplaintOfficer" co where co."complaintId" = c.id
                 order by co."officerId" collate "C") as "officerIds" from "Complaint" c)`,
    hasTimestamps: true,
    // Not resolved_on: the row rules require or forbid it by status, so absent = empty there.
    keptWhenAbsent: { summary: "summary", officerIds: "officer_ids" },
    afterWrite: (tx) => replaceOfficerLinks(tx),
  },
};
