import type { ImportKind } from "../../generated/prisma/enums";
import type { Tx } from "../db/client";
import type { CellType } from "./cells";

export type { ImportKind };

export type ColumnSpec = {
  name: string;
  required: boolean;
  type: CellType;
  /** Column type in the staging table. */
  sqlType: "text" | "date" | "numeric" | "integer" | "text[]";
};

/** One reported problem. `line` is the physical line (header = 1); null for whole-file problems. */
export type ImportError = { line: number | null; column: string | null; message: string };

/** A parsed row keyed by CSV column name; null = empty cell (no value). */
export type RowValues = Record<string, string | null>;
export type Fail = (column: string, message: string) => void;

/** A set-based check over the staging table `s`: selects `line` and `message` of each failing row. */
export type ReferenceCheck = { column: string; sql: string };

/** How staged rows map onto the entity table; see plan.ts for how these are used. */
export type TargetSpec = {
  entity: string;
  /** SELECT over `import_stage s` producing `line` plus the entity's key and field columns. */
  resolved: string;
  key: string[];
  fields: string[];
  /** Compared and shown in images, but written by `afterWrite` (complaint ↔ officer links). */
  derived?: string[];
  /** Relation exposing key, fields, derived, `id` and `version`; defaults to the table. */
  current?: string;
  hasTimestamps: boolean;
  /**
   * Fields fed by an optional CSV column (field → column). When that column is absent from the
   * file's header, existing records keep their value (an export made without it must not wipe
   * it); an empty cell in a present column still means "no value".
   */
  keptWhenAbsent?: Record<string, string>;
  /**
   * Rows that depend on new records, written with their change images: `sql` is a data-modifying
   * CTE over the inserted rows (`written`; `$1` = batch id) inserting into `table`. It must refer
   * only to those rows and to what they refer to (its foreign-key checks may be skipped: link-checks.ts).
   */
  onInsert?: { table: string; sql: string };
  /**
   * Every foreign key of the entity (column → referenced table's `id`): new records may then be
   * checked against them set-based instead of row by row (link-checks.ts).
   */
  insertReferences?: { column: string; table: string }[];
  afterWrite?: (tx: Tx, batchId: number) => Promise<void>;
};

export type KindSpec = {
  kind: ImportKind;
  /** In the spec's table order: also the export's header order. */
  columns: ColumnSpec[];
  /** CSV columns of the natural key. */
  key: string[];
  /** Rules between cells of one row; may fill defaults (vetting valid_until). */
  rowRules?: (row: RowValues, fail: Fail) => void;
  references: ReferenceCheck[];
  target: TargetSpec;
};
