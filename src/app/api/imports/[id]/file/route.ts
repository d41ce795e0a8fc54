import { downloadResponse } from "~/server/http/download";
import { storedFilePieces } from "~/server/imports/file-store";
import { attachment, plainResponse, routeAccess } from "~/server/imports/route-access";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** GET /api/imports/<id>/file: the exact file that was uploaded (it holds personal data: audited before the
 * first byte and after the last). */
export async function GET(request: Request, { params }: Props) {
  const access = await routeAccess(request, "data.import");
  if (access instanceof Response) return access;
  const id = Number((await params).id);
  const batch =
    Number.isSafeInteger(id) && id > 0
      ? await access.db.importBatch.findUnique({
          where: { id },
          select: { fileName: true, fileSize: true, _count: { select: { fileChunks: true } } },
        })
      : null;
  if (!batch || batch._count.fileChunks === 0) return plainResponse(request, 404, "No stored file for this import");
  const type = batch.fileName.toLowerCase().endsWith(".xlsx")
    ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    : "text/csv; charset=utf-8";
  return downloadResponse(
    {
      db: access.db,
      actor: access.actor,
      event: { action: "import.file.download", targetType: "ImportBatch", targetId: id, metadata: { fileSize: batch.fileSize } },
      body: storedFilePieces(access.db, id),
    },
    { "content-type": type, "content-length": String(batch.fileSize), "content-disposition": attachment(batch.fileName) },
  );
}
