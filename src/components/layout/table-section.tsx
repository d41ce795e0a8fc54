import Link from "next/link";
import type * as React from "react";
import { Section } from "~/components/layout/section";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";

export type TableColumn<Row> = {
  header: React.ReactNode;
  /** Classes for the header cell; numeric columns align right in both header and body. */
  headClassName?: string;
  cellClassName?: string;
  cell: (row: Row) => React.ReactNode;
};

/**
 * A titled section holding one table of records. With `empty`, an empty list shows that message
 * instead of a header-only table; without it the table always renders (e.g. a department's roster).
 */
export function TableSection<Row>({
  id,
  title,
  testId,
  rows,
  rowKey,
  columns,
  empty,
}: {
  id: string;
  title: React.ReactNode;
  testId: string;
  rows: readonly Row[];
  rowKey: (row: Row) => React.Key;
  columns: readonly TableColumn<Row>[];
  empty?: React.ReactNode;
}) {
  return (
    <Section id={id} title={title}>
      {empty !== undefined && rows.length === 0 ? (
        empty
      ) : (
        <Table data-testid={testId}>
          <TableHeader>
            <TableRow>
              {columns.map((column, i) => (
                <TableHead key={i} scope="col" className={column.headClassName}>
                  {column.header}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={rowKey(row)}>
                {columns.map((column, i) => (
                  <TableCell key={i} className={column.cellClassName}>
                    {column.cell(row)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}

/** A complaint's reference, linking to its page; shared by the department dossier and the officer profile. */
export function ComplaintRefLink({ complaintRef }: { complaintRef: string }) {
  return (
    <Link className="text-link underline" href={`/complaints/${encodeURIComponent(complaintRef)}`}>
      {complaintRef}
    </Link>
  );
}
