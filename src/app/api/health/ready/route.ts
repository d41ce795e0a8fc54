import { getDb } from "~/server/db/client";
import { readiness } from "~/server/health/readiness";

export const dynamic = "force-dynamic";

/** GET /api/health/ready: 200 when this instance can serve (see `readiness`), 503 otherwise. */
export async function GET() {
  const report = await readiness(await getDb());
  return Response.json(report, { status: report.status === "unavailable" ? 503 : 200, headers: { "cache-control": "no-store" } });
}
