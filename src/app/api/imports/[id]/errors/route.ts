import { AppError } from "~/server/errors";
import { bufferBody, downloadResponse } from "~/server/http/download";
import { importErrorsCsv } from "~/server/imports/history";
import { attachment, plainResponse, routeAccess } from "~/server/imports/route-access";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** GET /api/imports/<id>/errors: the validation report's errors as CSV (line, column, reason). */
export async function GET(request: Request, { params }: Props) {
  const access = await routeAccess(request, "data.import");
  if (access instanceof Response) return access;
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) return plainResponse(request, 404, "Import batch not found");
  try {
    const { fileName, csv } = await importErrorsCsv(access.db, id);
    // The report quotes the file's cells (personal data): audited like the file itself.
    return await downloadResponse(
      {
        db: access.db,
        actor: access.actor,
        event: { action: "import.errors.download", targetType: "ImportBatch", targetId: id },
        body: bufferBody(new TextEncoder().encode(csv)),
      },
      { "content-type": "text/csv; charset=utf-8", "content-disposition": attachment(fileName) },
    );
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return plainResponse(request, 404, err.message);
    throw err;
  }
}
