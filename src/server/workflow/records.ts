import { departmentWhere, receivershipWhere, reviewWhere, type Scope } from "../authz/scope";
import type { DbOrTx } from "../db/client";
import { AppError, notFound } from "../errors";
import { dbDate, parseCalendarDate, todayIn } from "../rules/dates";

/** Look-ups shared by the workflow services; out-of-scope records answer exactly like missing ones. */
export async function findVisibleDepartment(db: DbOrTx, scope: Scope, code: string) {
  const department = await db.department.findFirst({
    where: { AND: [departmentWhere(scope), { code }] },
    select: { id: true, code: true, name: true, kind: true, stateCode: true },
  });
  if (!department) throw notFound("Department");
  return department;
}

export async function findVisibleReview(db: DbOrTx, scope: Scope, id: number) {
  const review = await db.review.findFirst({
    where: { AND: [reviewWhere(scope), { id }] },
    include: { department: { select: { id: true, code: true, stateCode: true } } },
  });
  if (!review) throw notFound("Review");
  return review;
}

export async function findVisibleCase(db: DbOrTx, scope: Scope, id: number) {
  const found = await db.receivershipCase.findFirst({
    where: { AND: [receivershipWhere(scope), { id }] },
    include: {
      department: { select: { id: true, code: true, stateCode: true, kind: true } },
      approvals: { select: { userId: true, role: true } },
      exitCriteria: { orderBy: { id: "asc" } },
    },
  });
  if (!found) throw notFound("Receivership");
  return found;
}

/** A "YYYY-MM-DD" input as the `Date` Prisma stores for that calendar day; anything else is rejected. */
export function calendarDate(text: string, field: string): Date {
  const ymd = parseCalendarDate(text);
  if (!ymd) throw new AppError("BAD_REQUEST", `${field} must be a real date written YYYY-MM-DD`, { field });
  return dbDate(ymd);
}

/** Today's calendar day in Mexico City, whatever the server's time zone. */
export const todayInMexico = (now: Date = new Date()): Date => dbDate(todayIn(undefined, now));
