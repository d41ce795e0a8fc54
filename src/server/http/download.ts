import type { AuditAction } from "../audit/actions";
import { type AuditActor, type AuditInput, recordAuditNow } from "../audit/record";
import type { Db } from "../db/client";
import { log } from "../log";

/** The body of a download: chunks, then (optionally) figures for the end event, e.g. `{ rows }`. */
// eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- a generator that returns nothing has TReturn void
export type DownloadBody = AsyncGenerator<Uint8Array | string, Record<string, unknown> | void, undefined>;

export type DownloadSpec = {
  db: Db;
  actor: AuditActor;
  /**
   * Who downloads what: recorded and committed before the first byte leaves. The end is recorded after
   * the last byte as `<action>.completed`, or `<action>.aborted` (the client left or stalled) or
   * `<action>.failed`, with the bytes sent.
   */
  event: Omit<AuditInput, "actor" | "outcome" | "action"> & { action: AuditAction };
  /** The start event was already recorded by the reader itself, in the transaction that read what the file discloses. */
  startRecorded?: boolean;
  body: DownloadBody;
};

export type DownloadEnd = "completed" | "aborted" | "failed";

/**
 * A client that neither reads nor leaves is dropped after this long without reading, so a stalled
 * download holds nothing (its cursor's connection, a rendering) for longer.
 */
export const DOWNLOAD_STALL_MS = 30_000;

const encoder = new TextEncoder();

/**
 * Opens an audited download: the start event is committed first (if that fails, nothing is sent), then
 * the body is read one chunk per demand. Whatever way the download ends, the body is closed first (its
 * `finally` releases what it holds) and the end event recorded after.
 */
export async function openDownload(spec: DownloadSpec): Promise<AsyncGenerator<Uint8Array, void, undefined>> {
  if (!spec.startRecorded) await recordAuditNow(spec.db, { actor: spec.actor, ...spec.event });
  return tracked(spec);
}

async function* tracked({ db, actor, event, body }: DownloadSpec): AsyncGenerator<Uint8Array, void, undefined> {
  let bytes = 0;
  let end: DownloadEnd = "aborted";
  let figures: Record<string, unknown> = {};
  let error: string | undefined;
  try {
    for (;;) {
      const next = await body.next();
      if (next.done) {
        figures = next.value ?? {};
        end = "completed";
        return;
      }
      const chunk = typeof next.value === "string" ? encoder.encode(next.value) : next.value;
      bytes += chunk.byteLength;
      yield chunk;
    }
  } catch (err) {
    end = "failed";
    error = err instanceof Error ? err.message : String(err);
    throw err;
  } finally {
    if (end === "aborted") await body.return(undefined);
    await recordAuditNow(db, {
      actor,
      action: `${event.action}.${end}`,
      targetType: event.targetType,
      targetId: event.targetId,
      stateCode: event.stateCode,
      metadata: { ...event.metadata, ...figures, bytes, ...(error ? { error: error.slice(0, 500) } : {}) },
    }).catch((err: unknown) => log.error("download end not recorded", { action: event.action, end, error: String(err) }));
  }
}

/**
 * The download as a pull-driven web stream: one chunk is read from the body only when the client has
 * taken the previous one, so memory stays at one chunk; a client that leaves cancels the stream (Next.js
 * cancels the body when the socket closes), and one that stops reading for `stallMs` is dropped.
 */
export function downloadStream(
  chunks: AsyncGenerator<Uint8Array, void, undefined>,
  stallMs = DOWNLOAD_STALL_MS,
): ReadableStream<Uint8Array> {
  let stall: NodeJS.Timeout | undefined;
  let closed = false;
  const close = async () => {
    clearTimeout(stall);
    if (closed) return;
    closed = true;
    await chunks.return(undefined);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        clearTimeout(stall);
        try {
          const next = await chunks.next();
          if (next.done) {
            closed = true;
            controller.close();
            return;
          }
          controller.enqueue(next.value);
          stall = setTimeout(() => {
            controller.error(new Error("download stalled"));
            void close();
          }, stallMs);
          stall.unref();
        } catch (err) {
          closed = true;
          controller.error(err);
        }
      },
      cancel: close,
    },
    { highWaterMark: 1 },
  );
}

/** An audited download as the HTTP answer (200, never cached). */
export async function downloadResponse(spec: DownloadSpec, headers: Record<string, string>, stallMs?: number): Promise<Response> {
  const chunks = await openDownload(spec);
  return new Response(downloadStream(chunks, stallMs), { headers: { "cache-control": "no-store", ...headers } });
}

/** A body already in memory (a rendered PDF), sent in pieces so an abort is noticed like any other. */
// eslint-disable-next-line @typescript-eslint/require-await -- async so that it is a DownloadBody like the streamed ones
export async function* bufferBody(buffer: Uint8Array, piece = 64 * 1024): DownloadBody {
  for (let offset = 0; offset < buffer.byteLength; offset += piece) yield buffer.subarray(offset, offset + piece);
}
