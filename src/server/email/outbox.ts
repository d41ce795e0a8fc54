import { createHash } from "node:crypto";
import type { Role } from "../../generated/prisma/enums";
import type { DbOrTx } from "../db/client";
import { env } from "../../env";

export type OutboxEmailInput = {
  /** Unique per email that must go out once: e.g. subscription + trigger + event, or user + digest period. */
  idempotencyKey: string;
  userId: number;
  toAddress: string;
  recipientRole: Role;
  recipientState: string | null;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
};

function mailDomain(): string {
  const match = /@([^>\s]+)>?\s*$/.exec(env.MAIL_FROM);
  return match?.[1] ?? "vigila.local";
}

/** Stable per idempotency key: a resent email carries the same Message-ID, so duplicates are recognisable. */
export function messageIdFor(idempotencyKey: string): string {
  const digest = createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40);
  return `<${digest}.alert@${mailDomain()}>`;
}

/**
 * Writes an email to the outbox inside the caller's transaction, so it exists exactly when the
 * change or run that produced it committed. Returns the new row's id, or null when the key was
 * already used (the email was written before, by this or another worker) and nothing was written.
 */
export async function enqueueEmail(tx: DbOrTx, email: OutboxEmailInput): Promise<bigint | null> {
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    insert into "OutboxEmail" ("idempotencyKey", "messageId", "userId", "toAddress", "recipientRole", "recipientState",
      "subject", "html", "text", "headers")
    values (${email.idempotencyKey}, ${messageIdFor(email.idempotencyKey)}, ${email.userId}, ${email.toAddress},
      ${email.recipientRole}::"Role", ${email.recipientState}, ${email.subject}, ${email.html}, ${email.text},
      ${JSON.stringify(email.headers)}::jsonb)
    on conflict ("idempotencyKey") do nothing
    returning id`;
  return rows[0]?.id ?? null;
}

/** Absolute links in emails point at the public address of the web app. */
export function appUrl(path: string): string {
  const base = env.AUTH_URL ?? `http://127.0.0.1:${env.PORT}`;
  return new URL(path, base.endsWith("/") ? base : `${base}/`).toString();
}
