import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { failAbandonedBatches, holdBatchLease } from "~/server/imports/batch-lease";
import { validateBatch } from "~/server/imports/batch-steps";
import { CHUNK_BYTES } from "~/server/imports/file-store";
import { importErrorsCsv } from "~/server/imports/history";
import { receiveUpload } from "~/server/imports/upload";
import { DEPARTMENTS_CSV, OFFICERS_CSV, tableCounts } from "../fixtures/imports/support";
import { useTestDatabase } from "../support/database";
import { callerFor } from "../support/trpc-context";
import { waitFor } from "../support/worker-process";
import { createUser } from "../support/workflow-fixtures";
import { storedBytes, upload, uploadAndValidate } from "./imports-web-support";

const test = useTestDatabase();

describe("web import: upload, validation report, confirm or cancel", () => {
  it("streams the file into PostgreSQL, reports counts without writing, then writes on confirm", async () => {
    const { db } = test.current;
    const analyst = await createUser(db, "IA_ANALYST");
    const caller = callerFor(db, analyst);
    const before = await tableCounts(db);
    const { batchId } = await uploadAndValidate(db, analyst, "departments", "departamentos.csv", DEPARTMENTS_CSV);

    const report = await caller.imports.get({ id: batchId });
    expect(report).toMatchObject({
      status: "VALIDATED",
      rowsTotal: 3,
      rowsDone: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      errorCount: 0,
      hasFile: true,
    });
    expect(report.fileSha256).toBe(createHash("sha256").update(DEPARTMENTS_CSV).digest("hex"));
    expect(await tableCounts(db)).toEqual(before);

    await caller.imports.confirm({ id: batchId });
    await waitFor(
      async () => (await db.importBatch.findUniqueOrThrow({ where: { id: batchId } })).status === "COMPLETED",
      30_000,
      "the write",
    );
    const done = await caller.imports.get({ id: batchId });
    expect(done).toMatchObject({ created: 3, updated: 0, unchanged: 0, rowsDone: 3, createdBy: expect.stringContaining("IA_ANALYST") });
    expect((await tableCounts(db)).departments).toBe(before.departments + 3);
    const actions = await db.auditEvent.findMany({
      where: { targetType: "ImportBatch", targetId: String(batchId) },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["import.uploaded", "import.validated", "import.confirmed", "import.completed"]);
    await expect(caller.imports.confirm({ id: batchId })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps the exact bytes of a multi-piece file and its hash", async () => {
    const { db } = test.current;
    const analyst = await createUser(db, "IA_ANALYST");
    // Long names make a file of several stored pieces, sent in odd-sized network chunks.
    const rows = Array.from({ length: 9_000 }, (_, i) => `OFX${i},MICH-MORELIA,${"Ñandú ".repeat(40)}${i},García,,2020-01-01,`);
    const csv = Buffer.from([OFFICERS_CSV.split("\n")[0], ...rows].join("\r\n"));
    expect(csv.length).toBeGreaterThan(2 * CHUNK_BYTES);
    const { batchId } = await upload(db, analyst, "officers", "big.csv", csv, 65_537);
    // Buffer.equals: a deep toEqual over megabytes takes the test runner most of a minute.
    expect((await storedBytes(db, batchId)).equals(csv)).toBe(true);
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect([batch.fileSize, batch.fileSha256]).toEqual([csv.length, createHash("sha256").update(csv).digest("hex")]);
    expect(await db.importFileChunk.count({ where: { batchId } })).toBe(Math.ceil(csv.length / CHUNK_BYTES));
  });

  it("a rejected file lists every error, downloadable as CSV, and cannot be confirmed", async () => {
    const { db } = test.current;
    const analyst = await createUser(db, "IA_ANALYST");
    const before = await tableCounts(db);
    const csv =
      "officer_id,department_code,given_name,family_name,hired_on\nOF1,NOPE,A,B,2026-02-30\nOF2,MICH-SSP,=cmd,B,2020-01-01\nOF3,MICH-SSP,,B,2020-01-01\n";
    const { batchId } = await uploadAndValidate(db, analyst, "officers", "officers.csv", csv);
    const batch = await callerFor(db, analyst).imports.get({ id: batchId });
    expect(batch.status).toBe("REJECTED");
    expect(batch.errorCount).toBe(3);
    const { csv: errors, fileName } = await importErrorsCsv(db, batchId);
    expect(fileName).toBe("officers-errors.csv");
    expect(errors).toBe(
      [
        "line,column,reason",
        "2,department_code,department NOPE does not exist",
        '2,hired_on,"""2026-02-30"" is not a real calendar date"',
        "4,given_name,is required",
        "",
      ].join("\n"),
    );
    expect(await tableCounts(db)).toEqual(before);
    await expect(callerFor(db, analyst).imports.confirm({ id: batchId })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("cancel leaves the data untouched and the batch CANCELLED (then retryable)", async () => {
    const { db } = test.current;
    const analyst = await createUser(db, "IA_SUPERVISOR");
    const caller = callerFor(db, analyst);
    const { batchId } = await uploadAndValidate(db, analyst, "departments", "d.csv", DEPARTMENTS_CSV.replace("Morelia", "Morelia Centro"));
    const before = await tableCounts(db);
    await caller.imports.cancel({ id: batchId });
    expect((await caller.imports.get({ id: batchId })).status).toBe("CANCELLED");
    await expect(caller.imports.confirm({ id: batchId })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await tableCounts(db)).toEqual(before);
    const { id: retried } = await caller.imports.retry({ id: batchId });
    await waitFor(
      async () => (await db.importBatch.findUniqueOrThrow({ where: { id: retried } })).status === "VALIDATED",
      30_000,
      "re-validation",
    );
    expect((await storedBytes(db, retried)).equals(await storedBytes(db, batchId))).toBe(true);
  });

  it("a file over the limit is REJECTED while streaming and nothing of it is kept", async () => {
    const { db } = test.current;
    const analyst = await createUser(db, "IA_ANALYST");
    const result = await receiveUpload(
      db,
      { userId: analyst.userId },
      { kind: "departments", fileName: "huge.csv" },
      chunks(Buffer.alloc(3_000, 65), 1_000),
      2_500,
    );
    expect(result.status).toBe("REJECTED");
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch.errors).toEqual([{ line: null, column: null, message: "the file is larger than the limit of 2,500 bytes" }]);
    expect(await db.importFileChunk.count({ where: { batchId: result.batchId } })).toBe(0);
  });

  it("an interrupted upload ends FAILED with no partial file", async () => {
    const { db } = test.current;
    const analyst = await createUser(db, "IA_ANALYST");
    async function* broken() {
      yield Buffer.alloc(CHUNK_BYTES + 10, 65);
      throw new Error("connection reset");
    }
    await expect(receiveUpload(db, { userId: analyst.userId }, { kind: "departments", fileName: "x.csv" }, broken())).rejects.toThrow(
      "connection reset",
    );
    const batch = await db.importBatch.findFirstOrThrow({ where: { fileName: "x.csv" }, orderBy: { id: "desc" } });
    expect(batch.status).toBe("FAILED");
    expect(await db.importFileChunk.count({ where: { batchId: batch.id } })).toBe(0);
  });

  it("only abandoned batches (lease free, heartbeat old) are marked FAILED", async () => {
    const { db } = test.current;
    const stale = new Date(Date.now() - 60_000);
    const make = () =>
      db.importBatch.create({
        data: { kind: "departments", fileName: "a.csv", fileSha256: "0".repeat(64), fileSize: 1, status: "VALIDATING", heartbeatAt: stale },
      });
    const [abandoned, leased, fresh] = [
      await make(),
      await make(),
      await db.importBatch.create({
        data: { kind: "departments", fileName: "a.csv", fileSha256: "0".repeat(64), fileSize: 1, status: "WRITING" },
      }),
    ];
    let release!: () => void;
    const holding = db.$transaction(async (tx) => {
      await holdBatchLease(tx, leased.id);
      await new Promise<void>((resolve) => (release = resolve));
    });
    await waitFor(() => release !== undefined, 5_000, "the lease");
    await new Promise((r) => setTimeout(r, 200));
    expect(await failAbandonedBatches(db)).toEqual([abandoned.id]);
    release();
    await holding;
    const statuses = await db.importBatch.findMany({
      where: { id: { in: [abandoned.id, leased.id, fresh.id] } },
      orderBy: { id: "asc" },
      select: { status: true },
    });
    expect(statuses.map((s) => s.status)).toEqual(["FAILED", "VALIDATING", "WRITING"]);
    // Validation of a batch that moved on does nothing.
    await validateBatch(db, { userId: null }, abandoned.id);
    expect((await db.importBatch.findUniqueOrThrow({ where: { id: abandoned.id } })).status).toBe("FAILED");
  });
});

async function* chunks(data: Buffer, size: number) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}
