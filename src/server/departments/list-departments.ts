import type { Prisma } from "../../generated/prisma/client";
import type { DepartmentKind } from "../../generated/prisma/enums";
import { departmentWhere, type Scope } from "../authz/scope";
import type { DbOrTx } from "../db/client";

export type ListDepartmentsInput = {
  search?: string;
  stateCode?: string;
  kind?: DepartmentKind;
  page: number;
  pageSize: number;
  sort: "code" | "name" | "state" | "officers";
  direction: "asc" | "desc";
};

/** One page of the departments the caller may see, with active officer counts. */
export async function listDepartments(db: DbOrTx, scope: Scope, input: ListDepartmentsInput) {
  const where: Prisma.DepartmentWhereInput = {
    AND: [
      departmentWhere(scope),
      input.stateCode ? { stateCode: input.stateCode } : {},
      input.kind ? { kind: input.kind } : {},
      input.search
        ? { OR: [{ name: { contains: input.search, mode: "insensitive" } }, { code: { contains: input.search.toUpperCase() } }] }
        : {},
    ],
  };
  const orderBy: Prisma.DepartmentOrderByWithRelationInput =
    input.sort === "state"
      ? { state: { name: input.direction } }
      : input.sort === "officers"
        ? { officers: { _count: input.direction } }
        : { [input.sort]: input.direction };
  const [total, rows] = await Promise.all([
    db.department.count({ where }),
    db.department.findMany({
      where,
      orderBy: [orderBy, { code: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        code: true,
        name: true,
        kind: true,
        stateCode: true,
        municipalityCode: true,
        authorizedStrength: true,
        state: { select: { name: true } },
        municipality: { select: { name: true } },
        _count: { select: { officers: { where: { separatedOn: null } } } },
      },
    }),
  ]);
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    rows: rows.map((r) => ({
      code: r.code,
      name: r.name,
      kind: r.kind,
      stateCode: r.stateCode,
      stateName: r.state.name,
      municipalityName: r.municipality?.name ?? null,
      authorizedStrength: r.authorizedStrength,
      officersOnRoll: r._count.officers,
    })),
  };
}
