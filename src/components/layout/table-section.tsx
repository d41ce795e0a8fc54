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

type RecordsTableProps<Row> = {
  testId: string;
  rows: readonly Row[];
  rowKey: (row: Row) => React.Key;
  columns: readonly TableColumn<Row>[];
  empty?: React.ReactNode;
};

/** One table of records. With `empty`, an empty list shows that message instead of a header-only table. */
export function RecordsTable<Row>({ testId, rows, rowKey, columns, empty }: RecordsTableProps<Row>) {
  if (empty !== undefined && rows.length === 0) return <>{empty}</>;
  return (
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
  );
}

/** A titled section holding one `RecordsTable` (without `empty` the table always renders, e.g. a roster). */
export function TableSection<Row>({ id, title, ...table }: RecordsTableProps<Row> & { id: string; title: React.ReactNode }) {
  return (
    <Section id={id} title={title}>
      <RecordsTable {...table} />
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
