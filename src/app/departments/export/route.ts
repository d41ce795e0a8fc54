import { resolveRequestScope } from "~/server/auth/request-scope";
import { can } from "~/server/authz/permissions";
import { getDb } from "~/server/db/client";
import { openDepartmentsExport } from "~/server/departments/export-departments";
import { downloadStream } from "~/server/http/download";
import { parseDepartmentView } from "~/server/departments/list-input";
import { auditActor } from "~/server/audit/actor";
import { requestOrigin } from "~/server/auth/client-ip";
import { dashboardToday } from "~/server/dashboard/as-of";

export const dynamic = "force-dynamic";

/** GET /departments/export?<the view's query>: the filtered departments as departments.csv. */
export async function GET(request: Request) {
  const db = await getDb();
  const scope = await resolveRequestScope(db, request.headers);
  if (!scope) return new Response("Sign in first", { status: 401 });
  if (!can(scope.role, "data.export")) return new Response("Your role may not export data (data.export)", { status: 403 });
  const url = new URL(request.url);
  const { page: _page, pageSize: _pageSize, ...view } = parseDepartmentView(Object.fromEntries(url.searchParams));
  const chunks = await openDepartmentsExport(db, scope, auditActor(scope, requestOrigin(request.headers)), view);
  return new Response(downloadStream(chunks), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="departments-${dashboardToday()}.csv"`,
      "cache-control": "no-store",
    },
  });
}
