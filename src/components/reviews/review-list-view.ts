import { REVIEW_VIEWS, type ReviewView } from "~/server/reviews/list-reviews";

export const REVIEWS_PAGE_SIZE = 50;

export type ReviewListView = { view: ReviewView; page: number; mine: boolean; stateCode: string | null };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The reviews board's URL (`?view=overdue&page=2&mine=1&state=16`) as a view; anything malformed falls back to the default. */
export function parseReviewListView(params: Record<string, string | string[] | undefined>): ReviewListView {
  const view = REVIEW_VIEWS.find((v) => v === one(params.view)) ?? "open";
  const page = Number(one(params.page));
  const state = one(params.state);
  return {
    view,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
    mine: one(params.mine) === "1",
    stateCode: state && /^\d{2}$/.test(state) ? state : null,
  };
}

export function reviewListHref(view: ReviewListView): string {
  const params = new URLSearchParams({ view: view.view });
  if (view.page > 1) params.set("page", String(view.page));
  if (view.mine) params.set("mine", "1");
  if (view.stateCode) params.set("state", view.stateCode);
  return `/reviews?${params.toString()}`;
}

export function reviewListInput(view: ReviewListView) {
  return {
    view: view.view,
    page: view.page,
    pageSize: REVIEWS_PAGE_SIZE,
    ...(view.mine ? { mine: true } : {}),
    ...(view.stateCode ? { stateCode: view.stateCode } : {}),
  };
}
