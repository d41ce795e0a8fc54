import type { Prisma } from "../../generated/prisma/client";
import type { ReviewStatus } from "../../generated/prisma/enums";
import { reviewWhere, type Scope } from "../authz/scope";
import type { DbOrTx } from "../db/client";
import { notFound } from "../errors";
import { ymdOf } from "../rules/dates";

export type ListReviewsInput = {
  status?: ReviewStatus;
  departmentCode?: string;
  stateCode?: string;
  /** Only reviews the caller owns ("my reviews"). */
  mine?: boolean;
  page: number;
  pageSize: number;
};

const userName = { select: { id: true, name: true } } as const;

/** Reviews the caller may see; open ones by due date first, so the work queue shows what is due next. */
export async function listReviews(db: DbOrTx, scope: Scope, input: ListReviewsInput) {
  const where: Prisma.ReviewWhereInput = {
    AND: [
      reviewWhere(scope),
      input.status ? { status: input.status } : {},
      input.departmentCode ? { department: { code: input.departmentCode } } : {},
      input.stateCode ? { department: { stateCode: input.stateCode } } : {},
      input.mine ? { ownerId: scope.userId } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.review.count({ where }),
    db.review.findMany({
      where,
      orderBy: [{ status: "asc" }, { dueOn: { sort: "asc", nulls: "last" } }, { openedAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      include: { department: { select: { code: true, name: true, stateCode: true } }, owner: userName },
    }),
  ]);
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    rows: rows.map((r) => ({
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
    })),
  };
}

export async function getReview(db: DbOrTx, scope: Scope, id: number) {
  const r = await db.review.findFirst({
    where: { AND: [reviewWhere(scope), { id }] },
    include: {
      department: { select: { code: true, name: true, stateCode: true } },
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
