import { useFormatter, useTranslations } from "next-intl";
import { Pagination } from "~/components/departments/pagination";
import { Badge } from "~/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { AUDIT_CALENDAR_TIME_ZONE } from "~/server/audit/day-range";
import { type ListAuditInput, auditViewQuery } from "~/server/audit/list-input";
import type { AuditEventView } from "~/server/audit/search";

type Props = { input: ListAuditInput; result: { total: number; page: number; pageSize: number; rows: AuditEventView[] } };

const COLUMNS = ["occurredAt", "actor", "action", "target", "state", "outcome", "origin", "details"] as const;
/** To the second, in the zone the filters' days are read in: events a second apart must read apart. */
const WHEN = {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: AUDIT_CALENDAR_TIME_ZONE,
} as const;
const json = (value: unknown) => JSON.stringify(value, null, 2);

function Details({ row }: { row: AuditEventView }) {
  const t = useTranslations("audit");
  const items: [string, string | null][] = [
    [t("changes"), row.changes === null ? null : json(row.changes)],
    [t("metadata"), row.metadata === null ? null : json(row.metadata)],
    [t("session"), row.sessionId],
    [t("userAgent"), row.userAgent],
    [t("hash"), row.hash],
  ];
  return (
    <details>
      <summary className="cursor-pointer text-link underline">{t("showDetails")}</summary>
      <dl className="mt-2 grid max-w-xl gap-1 text-xs">
        {items
          .filter((item): item is [string, string] => item[1] !== null)
          .map(([label, value]) => (
            <div key={label}>
              <dt className="font-semibold">{label}</dt>
              <dd>
                <pre className="whitespace-pre-wrap break-all">{value}</pre>
              </dd>
            </div>
          ))}
      </dl>
    </details>
  );
}

/** A user by name and email; nobody: a request without a session (it has an origin) or the system. */
function Actor({ row }: { row: AuditEventView }) {
  const t = useTranslations("audit");
  const roles = useTranslations("roles");
  const anonymous = row.ip !== null || row.userAgent !== null || row.actorEmail !== null;
  const name = row.actorId === null ? t(anonymous ? "anonymous" : "system") : (row.actorName ?? `#${row.actorId}`);
  const email = row.actorUserEmail ?? row.actorEmail;
  return (
    <>
      <div>{name}</div>
      {email ? <div className="text-xs break-all text-slate-700">{email}</div> : null}
      {row.role ? <div className="text-xs text-slate-700">{roles(row.role)}</div> : null}
    </>
  );
}

/** The action in words, with its code underneath (what the action filter takes). */
function Action({ row }: { row: AuditEventView }) {
  const t = useTranslations("audit");
  const named = (action: string) => {
    const key = `actions.${action}`;
    return t.has(key as "actions.audit.list") ? t(key as "actions.audit.list") : null;
  };
  // A download's end is recorded as `<its start action>.<end>`: named after the download.
  const ended = /^(.+)\.(completed|aborted|failed)$/.exec(row.action);
  const download = ended ? named(ended[1]!) : null;
  const label =
    named(row.action) ??
    (ended && download ? t("downloadEnd", { action: download, end: t(`downloadEnds.${ended[2] as "completed"}`) }) : null) ??
    (row.outcome === "DENIED" ? t("deniedProcedure") : null);
  return (
    <>
      {label ? <div>{label}</div> : null}
      <div className="font-mono text-xs text-slate-700" title={t("actionCode", { code: row.action })}>
        {row.action}
      </div>
    </>
  );
}

function Target({ row }: { row: AuditEventView }) {
  const t = useTranslations("audit");
  if (!row.targetType) return null;
  const key = `targetTypes.${row.targetType}`;
  const type = t.has(key as "targetTypes.User") ? t(key as "targetTypes.User") : row.targetType;
  return (
    <>
      <div>{type}</div>
      {row.targetName ? <div className="text-xs">{row.targetName}</div> : null}
      {row.targetId ? <div className="font-mono text-xs text-slate-700">{row.targetId}</div> : null}
    </>
  );
}

export function AuditTable({ input, result }: Props) {
  const { page: _page, ...view } = input;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const t = useTranslations("audit");
  const format = useFormatter();
  return (
    <section aria-label={t("title")} className="flex flex-col gap-2">
      <p className="text-sm text-slate-800" role="status">
        {t("total", { count: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <Table data-testid="audit-table">
          <TableHeader>
            <TableRow>
              {COLUMNS.map((column) => (
                <TableHead key={column} scope="col">
                  {t(`columns.${column}`)}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.rows.map((row) => (
              <TableRow key={row.id} data-event-id={row.id}>
                <TableCell className="whitespace-nowrap">{format.dateTime(row.occurredAt, WHEN)}</TableCell>
                <TableCell>
                  <Actor row={row} />
                </TableCell>
                <TableCell>
                  <Action row={row} />
                </TableCell>
                <TableCell>
                  <Target row={row} />
                </TableCell>
                <TableCell>{row.stateCode ?? ""}</TableCell>
                <TableCell>
                  <Badge tone={row.outcome === "DENIED" ? "critical" : "success"}>{t(`outcomes.${row.outcome}`)}</Badge>
                </TableCell>
                <TableCell className="text-xs">{row.ip ?? ""}</TableCell>
                <TableCell>
                  <Details row={row} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {pages > 1 ? <Pagination page={result.page} pages={pages} hrefFor={(page) => `/audit?${auditViewQuery({ ...view, page })}`} /> : null}
    </section>
  );
}
