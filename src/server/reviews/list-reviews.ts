import type { Prisma } from "../../generated/prisma/client";
import type { ReviewStatus } from "../../generated/prisma/enums";
import { reviewWhere, type Scope } from "../authz/scope";
import type { DbOrTx } from "../db/client";
import { notFound } from "../errors";
import { ymdOf } from "../rules/dates";
import { departmentFilters, listedDepartment, listPage, pageWindow, type WorkflowListInput } from "../workflow/list-page";

export type ListReviewsInput = WorkflowListInput & {
  status?: ReviewStatus;
  /** Only reviews the caller owns ("my reviews"). */
  mine?: boolean;
};

const userName = { select: { id: true, name: true } } as const;

/** Reviews the caller may see; open ones by due date first, so the work queue shows what is due next. */
export async function listReviews(db: DbOrTx, scope: Scope, input: ListReviewsInput) {
  const where: Prisma.ReviewWhereInput = {
    AND: [
      reviewWhere(scope),
      input.status ? { status: input.status } : {},
      ...departmentFilters(input),
      input.mine ? { ownerId: scope.userId } : {},
    ],
  };
  return listPage(
    input,
    db.review.count({ where }),
    db.review.findMany({
      where,
      orderBy: [{ status: "asc" }, { dueOn: { sort: "asc", nulls: "last" } }, { openedAt: "desc" }, { id: "desc" }],
      ...pageWindow(input),
      include: { department: listedDepartment, owner: userName },
    }),
    (r) => ({
      id: r.id,
      status: r.status,
      version: r.version,
      department: r.department,
      scope: r.scope,
      owner: r.owner,
      decision: r.decision,
      dueOn: r.dueOn ? ymdOf(r.dueOn) : null,
      openedAt: r.openedAt,
      closedAt: r.closedAt,
      recommendationId: r.recommendationId,
    }),
  );
}

export async function getReview(db: DbOrTx, scope: Scope, id: number) {
  const r = await db.review.findFirst({
    where: { AND: [reviewWhere(scope), { id }] },
    include: {
      department: listedDepartment,
      openedBy: userName,
      owner: userName,
      sourceLinks: { orderBy: { id: "asc" }, select: { id: true, url: true, label: true, createdAt: true } },
    },
  });
  if (!r) throw notFound("Review");
  return {
    id: r.id,
    status: r.status,
    version: r.version,
    department: r.department,
    recommendationId: r.recommendationId,
    scope: r.scope,
    findings: r.findings,
    departmentResponse: r.departmentResponse,
    decision: r.decision,
    decisionNotes: r.decisionNotes,
    dueOn: r.dueOn ? ymdOf(r.dueOn) : null,
    openedAt: r.openedAt,
    closedAt: r.closedAt,
    openedBy: r.openedBy,
    owner: r.owner,
    sourceLinks: r.sourceLinks,
  };
}
