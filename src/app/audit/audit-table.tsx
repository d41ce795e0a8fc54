import { Pagination } from "~/components/departments/pagination";
import { Badge } from "~/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { AUDIT_CALENDAR_TIME_ZONE } from "~/server/audit/day-range";
import { type ListAuditInput, auditViewQuery } from "~/server/audit/list-input";
import type { AuditEventView } from "~/server/audit/search";
import { AUDIT_STRINGS as S } from "./strings";

type Props = { input: ListAuditInput; result: { total: number; page: number; pageSize: number; rows: AuditEventView[] } };

const when = new Intl.DateTimeFormat("es-MX", { timeZone: AUDIT_CALENDAR_TIME_ZONE, dateStyle: "short", timeStyle: "medium" });
const json = (value: unknown) => JSON.stringify(value, null, 2);

function Details({ row }: { row: AuditEventView }) {
  const items: [string, string | null][] = [
    [S.changes, row.changes === null ? null : json(row.changes)],
    [S.metadata, row.metadata === null ? null : json(row.metadata)],
    [S.session, row.sessionId],
    [S.userAgent, row.userAgent],
    [S.hash, row.hash],
  ];
  return (
    <details>
      <summary className="cursor-pointer text-link underline">{S.showDetails}</summary>
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

export function AuditTable({ input, result }: Props) {
  const { page: _page, ...view } = input;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <section aria-label={S.title} className="flex flex-col gap-2">
      <p className="text-sm text-slate-800" role="status">
        {S.total(result.total)}
      </p>
      {result.rows.length === 0 ? (
        <p>{S.empty}</p>
      ) : (
        <Table data-testid="audit-table">
          <TableHeader>
            <TableRow>
              {Object.values(S.columns).map((label) => (
                <TableHead key={label} scope="col">
                  {label}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.rows.map((row) => (
              <TableRow key={row.id} data-event-id={row.id}>
                <TableCell className="whitespace-nowrap">{when.format(row.occurredAt)}</TableCell>
                <TableCell>
                  {row.actorId === null ? S.system : (row.actorEmail ?? `#${row.actorId}`)}
                  {row.role ? <div className="text-xs text-slate-700">{S.roles[row.role]}</div> : null}
                </TableCell>
                <TableCell className="font-mono text-xs">{row.action}</TableCell>
                <TableCell>{row.targetType ? `${row.targetType} ${row.targetId ?? ""}` : ""}</TableCell>
                <TableCell>{row.stateCode ?? ""}</TableCell>
                <TableCell>
                  <Badge tone={row.outcome === "DENIED" ? "critical" : "success"}>{S.outcomes[row.outcome]}</Badge>
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
