/**
 * What the workflow boards (recommendations, reviews, receiverships) share: filtering by state or
 * department, the department shown on every row, and one page of rows with the total for the pager.
 */

export type WorkflowListInput = {
  stateCode?: string;
  departmentCode?: string;
  page: number;
  pageSize: number;
};

/** The department fields each board row carries. */
export const listedDepartment = { select: { code: true, name: true, stateCode: true } } as const;

/** Conditions to AND with the caller's scope; an absent filter matches everything. */
export function departmentFilters(input: Pick<WorkflowListInput, "stateCode" | "departmentCode">) {
  return [
    input.stateCode ? { department: { stateCode: input.stateCode } } : {},
    input.departmentCode ? { department: { code: input.departmentCode } } : {},
  ];
}

/** Prisma's `skip`/`take` for the requested page (pages count from 1). */
export function pageWindow(input: Pick<WorkflowListInput, "page" | "pageSize">) {
  return { skip: (input.page - 1) * input.pageSize, take: input.pageSize };
}

/** Runs the count and the page query together and shapes the page the routers return. */
export async function listPage<Row, Out>(
  input: Pick<WorkflowListInput, "page" | "pageSize">,
  count: PromiseLike<number>,
  rows: PromiseLike<Row[]>,
  toRow: (row: Row) => Out,
) {
  const [total, found] = await Promise.all([count, rows]);
  return { total, page: input.page, pageSize: input.pageSize, rows: found.map(toRow) };
}
