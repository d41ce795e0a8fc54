import { Readable } from "node:stream";
import { recordAudit } from "~/server/audit/record";
import { readStoredFile } from "~/server/imports/file-store";
import { attachment, plainResponse, routeAccess } from "~/server/imports/route-access";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** GET /api/imports/<id>/file: the exact file that was uploaded (it holds personal data: audited). */
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
  await access.db.$transaction((tx) =>
    recordAudit(tx, { actor: access.actor, action: "import.file.downloaded", targetType: "ImportBatch", targetId: id }),
  );
  const type = batch.fileName.toLowerCase().endsWith(".xlsx")
    ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    : "text/csv; charset=utf-8";
  return new Response(Readable.toWeb(readStoredFile(access.db, id)) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": type,
      "content-length": String(batch.fileSize),
      "content-disposition": attachment(batch.fileName),
      "cache-control": "no-store",
    },
  });
}
