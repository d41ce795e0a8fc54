import type { ComplaintCategory, ComplaintStatus } from "~/generated/prisma/enums";

/**
 * The dossier's paged tables' inputs, shared by the page's server prefetch and the client tables (a
 * "use client" module's plain exports are not readable on the server, hence this module).
 */
export const ROSTER_PAGE_SIZE = 50;
export const TIMELINE_PAGE_SIZE = 50;

export type RosterView = { page: number; q: string; status?: ComplaintStatus; category?: ComplaintCategory };
export const FIRST_PAGE: RosterView = { page: 1, q: "" };

/** The tRPC input for a view; absent filters are left out so the first page's key equals the prefetched one. */
export function rosterInput(departmentCode: string, view: RosterView) {
  return {
    departmentCode,
    page: view.page,
    pageSize: ROSTER_PAGE_SIZE,
    ...(view.q.trim() ? { q: view.q.trim() } : {}),
  };
}

/** The complaints table's input: the view's status and category filters when set. */
export function complaintsInput(departmentCode: string, view: RosterView) {
  return {
    ...rosterInput(departmentCode, view),
    ...(view.status ? { status: view.status } : {}),
    ...(view.category ? { category: view.category } : {}),
  };
}

/** The timeline's first page (older pages follow its `nextCursor`). */
export const timelineInput = (departmentCode: string) => ({ departmentCode, limit: TIMELINE_PAGE_SIZE });
