import type { Tx } from "../../db/client";
import type { KindSpec } from "../types";
import { DATE, DEPARTMENT_CODE, OFFICER_ID_LIST, TEXT, column, departmentExists, enumOf } from "./columns";

const RESOLVED_STATUSES = ["SUSTAINED", "NOT_SUSTAINED", "UNFOUNDED"];

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
  rowRules: (row, fail) => {
    const mustBeResolved = RESOLVED_STATUSES.includes(row.status ?? "");
    if (mustBeResolved && !row.resolved_on) fail("resolved_on", `is required when status is ${row.status}`);
    if (!mustBeResolved && row.resolved_on) fail("resolved_on", `must be empty when status is ${row.status}`);
    if (row.resolved_on && row.received_on && row.resolved_on < row.received_on) {
      fail("resolved_on", `${row.resolved_on} is before received_on ${row.received_on}`);
    }
  },
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
