"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Button } from "~/components/ui/button";
import { Label } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";

/** What a thread is about, as the comments router names it. */
export type CommentTarget =
  { type: "DEPARTMENT"; departmentCode: string } | { type: "REVIEW"; id: number } | { type: "RECEIVERSHIP"; id: number };

export const COMMENTS_PAGE_SIZE = 20;
const MAX_LENGTH = 5000;

/** The anchor of one comment, so a confirmation can link to what was just written. */
const anchorOf = (id: number) => `comment-${id}`;

/**
 * A conversation on a department, a review or a receivership case: oldest first, one page at a time,
 * and a form for whoever may write. A new comment shows at once (its page is opened) with a link to
 * it, and the department's timeline, which lists comments, is refreshed too.
 */
export function CommentThread({ target, canWrite, title }: { target: CommentTarget; canWrite: boolean; title?: string }) {
  const t = useTranslations("comments");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const [page, setPage] = useState<number | null>(null);
  const [body, setBody] = useState("");
  const [written, setWritten] = useState<number | null>(null);
  // First load: ask for page 1 to learn the total, then show the last (newest) page.
  const first = useQuery(trpc.comments.list.queryOptions({ target, page: 1, pageSize: COMMENTS_PAGE_SIZE }));
  const pages = Math.max(1, Math.ceil((first.data?.total ?? 0) / COMMENTS_PAGE_SIZE));
  const shown = page ?? pages;
  const list = useQuery({
    ...trpc.comments.list.queryOptions({ target, page: shown, pageSize: COMMENTS_PAGE_SIZE }),
    enabled: first.data !== undefined,
  });
  const add = useMutation(
    trpc.comments.add.mutationOptions({
      onSuccess: async (created) => {
        setBody("");
        setWritten(created.id);
        setPage(null);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.comments.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.timeline.department.queryKey() }),
        ]);
      },
    }),
  );
  const headingId = `${formId}-heading`;
  const data = list.data ?? (shown === 1 ? first.data : undefined);
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2" data-testid="comment-thread">
      <h2 id={headingId} className="text-lg font-semibold">
        {title ?? t("title")} {first.data ? <span className="font-normal">({format.number(first.data.total, "integer")})</span> : null}
      </h2>
      <ErrorAlert error={first.error ?? list.error} />
      {!data && !first.error && !list.error ? <Skeleton className="h-16 w-full" /> : null}
      {data && data.total === 0 ? <p className="text-sm">{t("empty")}</p> : null}
      {data && data.rows.length > 0 ? (
        <ol className="flex flex-col gap-2">
          {data.rows.map((c) => (
            <li key={c.id} id={anchorOf(c.id)} className="rounded-md border border-slate-300 bg-white p-3 text-sm" data-comment={c.id}>
              <p className="text-xs text-slate-700">
                <span className="font-medium text-slate-900">{c.author.name}</span> ·{" "}
                <time dateTime={c.createdAt.toISOString()}>{format.dateTime(c.createdAt, "instant")}</time>
              </p>
              <p className="mt-1 whitespace-pre-wrap break-words">{c.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {pages > 1 ? (
        <nav aria-label={t("pages")} className="flex items-center gap-3 text-sm">
          <Button variant="outline" size="sm" disabled={shown <= 1} onClick={() => setPage(shown - 1)}>
            {t("older")}
          </Button>
          <span>{t("pageOf", { page: shown, pages })}</span>
          <Button variant="outline" size="sm" disabled={shown >= pages} onClick={() => setPage(shown + 1)}>
            {t("newer")}
          </Button>
        </nav>
      ) : null}
      {canWrite ? (
        <form
          className="flex flex-col gap-2"
          aria-label={t("formLabel")}
          onSubmit={(event) => {
            event.preventDefault();
            setWritten(null);
            add.mutate({ target, body });
          }}
        >
          <Label htmlFor={`${formId}-body`}>{t("body")}</Label>
          <textarea
            id={`${formId}-body`}
            name="body"
            required
            maxLength={MAX_LENGTH}
            rows={3}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            aria-describedby={`${formId}-hint`}
            className="rounded-md border border-slate-400 p-2 text-sm"
          />
          <p id={`${formId}-hint`} className="text-xs text-slate-700">
            {t("hint", { max: MAX_LENGTH })}
          </p>
          <ErrorAlert error={add.error} />
          {written !== null ? (
            <p role="status" className="text-sm text-emerald-800">
              {t("written")}{" "}
              <a className="text-link underline" href={`#${anchorOf(written)}`}>
                {t("see")}
              </a>
            </p>
          ) : null}
          <div>
            <Button type="submit" disabled={add.isPending || body.trim() === ""}>
              {t("submit")}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
