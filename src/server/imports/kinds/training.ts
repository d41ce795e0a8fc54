import type { KindSpec } from "../types";
import { DATE, OFFICER_ID, TEXT, column, officerExists } from "./columns";

export const training: KindSpec = {
  kind: "training",
  columns: [
    column("officer_id", true, OFFICER_ID),
    column("course_code", true, TEXT),
    column("completed_on", true, DATE),
    column("hours", true, { kind: "hours" }),
  ],
  key: ["officer_id", "course_code", "completed_on"],
  references: [
    officerExists,
    {
      column: "course_code",
      sql: `select s.line, format('course %s is not in the training catalogue', s.course_code) as message from import_stage s
            where s.course_code is not null and not exists (select 1 from "TrainingCourse" c where c.code = s.course_code)`,
    },
  ],
  target: {
    entity: "TrainingRecord",
    resolved: `select s.line, s.officer_id as "officerId", s.course_code as "courseCode", s.completed_on as "completedOn", s.hours as "hours"
               from import_stage s`,
    key: ["officerId", "courseCode", "completedOn"],
    fields: ["hours"],
    hasTimestamps: false,
  },
};
