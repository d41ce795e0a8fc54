export const dynamic = "force-dynamic";

/** GET /api/health: the process answers (liveness). No session, no database, not audited. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
