import pg from "pg";
import type { Db } from "~/server/db/client";

/** Helpers for the digest tests: events written by a separate connection, so a test decides when they commit. */

export const at = (iso: string) => new Date(iso);

/** A sustained serious-abuse event, written as record.ts would, in whatever transaction `client` is in. */
export async function insertEvent(client: pg.ClientBase, ref: string, occurredAt: string, departmentId: number): Promise<bigint> {
  const payload = { items: [{ kind: "seriousAbuse", departmentId, complaintRef: ref, category: "TORTURE", resolvedOn: null }] };
  const { rows } = await client.query<{ id: string }>(
    `insert into "AlertEvent" ("key", "trigger", "payload", "occurredAt") values ($1, 'SERIOUS_ABUSE_SUSTAINED', $2::jsonb, $3) returning id`,
    [`SERIOUS_ABUSE_SUSTAINED:${ref}`, JSON.stringify(payload), occurredAt],
  );
  return BigInt(rows[0]!.id);
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** How many of the user's digest emails mention complaint `ref` (its line reads "queja <ref> (…"). */
export async function digestMentions(db: Db, userId: number, ref: string): Promise<string[]> {
  const emails = await db.outboxEmail.findMany({ where: { userId, idempotencyKey: { startsWith: "digest:" } }, orderBy: { id: "asc" } });
  return emails.filter((e) => e.text.includes(`queja ${ref} (`)).map((e) => e.idempotencyKey);
}

/** The events recorded as included in the user's digests, by period. */
export async function includedEvents(db: Db, userId: number): Promise<{ periodKey: string; eventId: bigint }[]> {
  const rows = await db.digestEvent.findMany({ where: { userId }, select: { eventId: true, digest: { select: { periodKey: true } } } });
  return rows.map((r) => ({ periodKey: r.digest.periodKey, eventId: r.eventId })).sort((a, b) => a.periodKey.localeCompare(b.periodKey));
}
