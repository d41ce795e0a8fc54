"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/trpc/react";

export type DepartmentFilters = { search?: string; stateCode?: string; page: number };

export function parseDepartmentFilters(params: Record<string, string | undefined>): DepartmentFilters {
  const page = Number(params.page ?? "1");
  return {
    search: params.q?.trim() || undefined,
    stateCode: params.state && /^\d{2}$/.test(params.state) ? params.state : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function DepartmentsTable({ filters }: { filters: DepartmentFilters }) {
  const trpc = useTRPC();
  const { data, error, isPending } = useQuery(trpc.departments.list.queryOptions(filters));
  if (error) return <p role="alert">No se pudo cargar la lista: {error.message}</p>;
  if (isPending) return <p aria-busy="true">Cargando…</p>;
  if (data.total === 0) return <p>No hay corporaciones que coincidan.</p>;
  return (
    <>
      <form role="search" method="get">
        <label htmlFor="q">Buscar por nombre o clave</label> <input id="q" name="q" defaultValue={filters.search} />{" "}
        <button type="submit">Buscar</button>
      </form>
      <p>{data.total.toLocaleString("es-MX")} corporaciones</p>
      <table data-testid="departments-table">
        <thead>
          <tr>
            <th scope="col">Clave</th>
            <th scope="col">Nombre</th>
            <th scope="col">Tipo</th>
            <th scope="col">Entidad</th>
            <th scope="col">Elementos activos</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((d) => (
            <tr key={d.code}>
              <td>
                <Link href={`/departments/${d.code}`}>{d.code}</Link>
              </td>
              <td>{d.name}</td>
              <td>{d.kind === "STATE" ? "Estatal" : "Municipal"}</td>
              <td>{d.stateName}</td>
              <td>{d.officersOnRoll.toLocaleString("es-MX")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
