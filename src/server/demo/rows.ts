/**
 * The generated demo data, kept as one array per column: about a million rows fit in memory
 * cheaply this way and go straight into `INSERT … SELECT FROM unnest(…)` parameters.
 */
type Cell = string | number | null;

export class Columns<K extends string> {
  readonly columns: Record<K, Cell[]>;
  length = 0;

  constructor(readonly names: readonly K[]) {
    const columns = {} as Record<K, Cell[]>;
    for (const name of names) columns[name] = [];
    this.columns = columns;
  }

  push(row: Record<K, Cell>) {
    for (const name of this.names) this.columns[name].push(row[name]);
    this.length++;
  }
}

export type DepartmentRow = {
  code: string;
  name: string;
  kind: "STATE" | "MUNICIPAL";
  stateCode: string;
  municipalityCode: string | null;
  authorizedStrength: number;
};

export function createDemoRows() {
  return {
    departments: [] as DepartmentRow[],
    officers: new Columns(["id", "departmentCode", "givenName", "familyName", "rank", "hiredOn", "separatedOn"] as const),
    training: new Columns(["officerId", "courseCode", "completedOn", "hours"] as const),
    vetting: new Columns(["officerId", "evaluatedOn", "result", "validUntil"] as const),
    complaints: new Columns(["ref", "departmentCode", "receivedOn", "source", "category", "status", "resolvedOn", "summary"] as const),
    complaintOfficers: new Columns(["ref", "officerId"] as const),
  };
}

export type DemoRows = ReturnType<typeof createDemoRows>;
