import type { Prisma } from "../../generated/prisma/client";
import type { ReviewStatus } from "../../generated/prisma/enums";
import { reviewWhere, type Scope } from "../authz/scope";
import type { DbOrTx } from "../db/client";
import { notFound } from "../errors";
import { ymdOf } from "../rules/dates";
import { todayInMexico } from "../workflow/records";
import { departmentFilters, listedDepartment, listPage, pageWindow, type WorkflowListInput } from "../workflow/list-page";

/** The reviews boards: open (all), overdue (open, due before today in Mexico City), closed. */
export const REVIEW_VIEWS = ["open", "overdue", "closed"] as const;
export type ReviewView = (typeof REVIEW_VIEWS)[number];

export type ListReviewsInput = WorkflowListInput & {
  status?: ReviewStatus;
  view?: ReviewView;
  /** Only reviews the caller owns ("my reviews"). */
  mine?: boolean;
  ownerId?: number;
};

const userName = { select: { id: true, name: true } } as const;

/** A review is overdue from the day after its due date, by the calendar of Mexico City. */
function viewWhere(view: ReviewView, today: Date): Prisma.ReviewWhereInput {
  if (view === "closed") return { status: "CLOSED" };
  return view === "overdue" ? { status: "OPEN", dueOn: { lt: today } } : { status: "OPEN" };
}

const isOverdue = (r: { status: ReviewStatus; dueOn: Date | null }, today: Date) =>
  r.status === "OPEN" && r.dueOn !== null && r.dueOn < today;

/**
 * Reviews the caller may see, one page with its exact total, and the totals of each board (`views`)
 * under the same filters. Open ones by due date first, so the board shows what is due next; closed
 * ones by closing time, newest first. `now` fixes "today" (tests).
 */
export async function listReviews(db: DbOrTx, scope: Scope, input: ListReviewsInput, now = new Date()) {
  const today = todayInMexico(now);
  const filters: Prisma.ReviewWhereInput[] = [
    reviewWhere(scope),
    ...departmentFilters(input),
    input.mine ? { ownerId: scope.userId } : {},
    input.ownerId ? { ownerId: input.ownerId } : {},
  ];
  const where: Prisma.ReviewWhereInput = {
    AND: [...filters, input.status ? { status: input.status } : {}, input.view ? viewWhere(input.view, today) : {}],
  };
  const orderBy: Prisma.ReviewOrderByWithRelationInput[] =
    input.view === "closed"
      ? [{ closedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }]
      : [{ status: "asc" }, { dueOn: { sort: "asc", nulls: "last" } }, { openedAt: "desc" }, { id: "desc" }];
  const [page, ...counts] = await Promise.all([
    listPage(
      input,
      db.review.count({ where }),
      db.review.findMany({ where, orderBy, ...pageWindow(input), include: { department: listedDepartment, owner: userName } }),
      (r) => reviewRow(r, today),
    ),
    ...REVIEW_VIEWS.map((view) => db.review.count({ where: { AND: [...filters, viewWhere(view, today)] } })),
  ]);
  return {
    ...page,
    today: ymdOf(today),
    views: Object.fromEntries(REVIEW_VIEWS.map((view, i) => [view, counts[i]!])) as Record<ReviewView, number>,
  };
}

type ListedReview = Prisma.ReviewGetPayload<{ include: { department: typeof listedDepartment; owner: typeof userName } }>;

function reviewRow(r: ListedReview, today: Date) {
  return {
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
    overdue: isOverdue(r, today),
  };
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
    overdue: isOverdue(r, todayInMexico()),
    openedAt: r.openedAt,
    closedAt: r.closedAt,
    openedBy: r.openedBy,
    owner: r.owner,
    sourceLinks: r.sourceLinks,
  };
}
