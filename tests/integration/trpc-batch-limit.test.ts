import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as trpcRoute } from "~/app/api/trpc/[trpc]/route";
import { TRPC_MAX_BATCH } from "~/trpc/batch-limit";
import { useTestDatabase } from "../support/database";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "b".repeat(48);
});

const test = useTestDatabase();

beforeAll(() => {
  process.env.DATABASE_URL = test.current.url;
});

const batch = (calls: number) => {
  const paths = Array.from({ length: calls }, () => "outbox.summary").join(",");
  const input = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, {}]))));
  return trpcRoute(
    new NextRequest(`http://127.0.0.1:3000/api/trpc/${paths}?batch=1&input=${input}`, { headers: { host: "127.0.0.1:3000" } }),
  );
};
const denied = () => test.current.db.auditEvent.count({ where: { action: "outbox.summary", outcome: "DENIED" } });

describe("tRPC batches", () => {
  it(`refuse more than ${TRPC_MAX_BATCH} calls in one request before any procedure runs (nothing is recorded)`, async () => {
    const before = await denied();
    const response = await batch(200);
    expect(response.status).toBe(400);
    expect(await denied()).toBe(before);
    expect((await batch(TRPC_MAX_BATCH + 1)).status).toBe(400);
    expect(await denied()).toBe(before);
  });

  it(`answer a batch of exactly ${TRPC_MAX_BATCH} calls`, async () => {
    const before = await denied();
    const response = await batch(TRPC_MAX_BATCH);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { json: { data: { code: string } } } }[];
    expect(body).toHaveLength(TRPC_MAX_BATCH);
    expect(body.every((r) => r.error.json.data.code === "UNAUTHORIZED")).toBe(true);
    expect(await denied()).toBe(before + TRPC_MAX_BATCH);
  });
});
