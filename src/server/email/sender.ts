import pg from "pg";
import type { Db } from "../db/client";
import { log } from "../log";
import type { MailTransport } from "./transport";

/**
 * Drains the outbox. Delivery guarantee (README, "Email alerts: delivery guarantee"): every email is
 * sent at least once; it is sent twice only if the sender dies (or loses the database for good)
 * between the SMTP server accepting it and the SENT mark being recorded — one email per such crash,
 * since a sender has a single email in flight — and the copy carries the same Message-ID.
 */

/** A claim on an email lasts this long; a live sender never holds one longer (transport timeouts are shorter). */
export const CLAIM_LEASE_MS = 5 * 60_000;
/** Transient failures are retried with exponential backoff up to this cap … */
export const MAX_BACKOFF_MS = 60 * 60_000;
/** … this many times (about two days at the cap); then it is marked FAILED for the admin page. */
export const GIVE_UP_AFTER_ATTEMPTS = 50;

export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/**
 * A dedicated connection whose backend pid marks this sender's claims. PostgreSQL drops a dead
 * process's connection, so a claim whose pid is gone from pg_stat_activity is taken over at once
 * instead of after the lease.
 */
export class SenderLiveness {
  private client: pg.Client | null = null;
  private backendPid: number | null = null;

  constructor(private readonly url: string) {}

  async pid(): Promise<number> {
    if (this.client && this.backendPid !== null) return this.backendPid;
    const client = new pg.Client({ connectionString: this.url, application_name: "vigila-outbox-sender" });
    client.on("error", () => {
      if (this.client === client) this.reset();
    });
    await client.connect();
    const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
    this.client = client;
    this.backendPid = rows[0]!.pid;
    return this.backendPid;
  }

  private reset() {
    const old = this.client;
    this.client = null;
    this.backendPid = null;
    old?.end().catch(() => undefined);
  }

  async close() {
    this.reset();
  }
}

type ClaimedEmail = {
  id: bigint;
  userId: number | null;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
  attempts: number;
  createdAt: Date;
  /** The liveness pid this claim was made under. */
  lockedBy: number;
  recipientRole: string | null;
  recipientState: string | null;
  /** The recipient as they are now (null when the user row is gone). */
  current: { email: string; role: string; stateCode: string | null; disabled: boolean } | null;
};

type SmtpError = Error & { code?: string; responseCode?: number; response?: string };

/** Per-message rejections carry nodemailer's EENVELOPE/EMESSAGE; anything else is the server or the network. */
function classify(err: SmtpError) {
  const perMessage = err.code === "EENVELOPE" || err.code === "EMESSAGE";
  const code = err.responseCode ?? 0;
  return {
    permanent: perMessage && code >= 500 && code < 600,
    transportDown: !perMessage,
    response: err.response ?? null,
    message: `${err.code ?? "ERROR"}: ${err.message}`.slice(0, 2000),
  };
}

export type DrainResult = { sent: number; failed: number; cancelled: number; retrying: number; transportDown: boolean };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class OutboxSender {
  constructor(
    private readonly db: Db,
    private readonly transport: MailTransport,
    private readonly liveness: SenderLiveness,
  ) {}

  private async claim(): Promise<ClaimedEmail | null> {
    const pid = await this.liveness.pid();
    const rows = await this.db.$queryRaw<ClaimedEmail[]>`
      update "OutboxEmail" o
      set status = 'SENDING', attempts = o.attempts + 1, "lockedBy" = ${pid},
        "lockedUntil" = now() + ${CLAIM_LEASE_MS} * interval '1 millisecond'
      where o.id = (
        select c.id from "OutboxEmail" c
        where (c.status = 'PENDING' and c."nextAttemptAt" <= now())
           or (c.status = 'SENDING' and (c."lockedUntil" < now()
               or not exists (select 1 from pg_stat_activity a where a.pid = c."lockedBy")))
        order by c."nextAttemptAt", c.id
        limit 1
        for update skip locked)
      returning o.id, o."userId", o."toAddress", o.subject, o.html, o.text, o."messageId", o.headers, o.attempts,
        o."createdAt", o."lockedBy", o."recipientRole"::text as "recipientRole", o."recipientState",
        (select jsonb_build_object('email', u.email, 'role', u.role, 'stateCode', u."stateCode", 'disabled', u.disabled)
         from "User" u where u.id = o."userId") as current`;
    return rows[0] ?? null;
  }

  /** Alerts were prepared for the recipient's role and state at the time: if those changed, they may no longer see it. */
  private recipientChanged(email: ClaimedEmail): string | null {
    if (email.userId === null) return null;
    const user = email.current;
    if (!user || user.disabled) return "recipient no longer exists or is disabled";
    if (user.role !== email.recipientRole || (user.stateCode ?? null) !== (email.recipientState ?? null)) {
      return "recipient's role or state changed after this alert was prepared";
    }
    if (user.email !== email.toAddress) return "recipient's email address changed after this alert was prepared";
    return null;
  }

  /**
   * Records the outcome of a claim. A send the server accepted is recorded whoever holds the claim
   * now; any other outcome only while the claim is still ours (a sender that took it over decides).
   */
  private async settle(
    email: ClaimedEmail,
    data: {
      status: "PENDING" | "SENT" | "FAILED" | "CANCELLED";
      lastError?: string | null;
      smtpResponse?: string | null;
      nextAttemptAt?: Date;
    },
  ) {
    await this.db.$executeRaw`
      update "OutboxEmail" set status = ${data.status}::"OutboxStatus", "lockedUntil" = null, "lockedBy" = null,
        "lastError" = ${data.lastError ?? null}, "smtpResponse" = coalesce(${data.smtpResponse ?? null}, "smtpResponse"),
        "sentAt" = case when ${data.status} = 'SENT' then now() else "sentAt" end,
        "nextAttemptAt" = coalesce(${data.nextAttemptAt ?? null}::timestamptz, "nextAttemptAt")
      where id = ${email.id} and status = 'SENDING' and (${data.status} = 'SENT' or "lockedBy" = ${email.lockedBy})`;
  }

  /**
   * Recording a send the SMTP server accepted is retried for a minute: losing the database for a
   * moment right then must not turn into a duplicate.
   */
  private async recordSent(email: ClaimedEmail, response: string) {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.settle(email, { status: "SENT", smtpResponse: response });
        return;
      } catch (err) {
        if (attempt >= 30) throw err;
        await sleep(2000);
      }
    }
  }

  /** Sends one claimed email; returns what became of it. */
  private async deliver(email: ClaimedEmail): Promise<keyof Omit<DrainResult, "transportDown"> | "down"> {
    const changed = this.recipientChanged(email);
    if (changed) {
      await this.settle(email, { status: "CANCELLED", lastError: changed });
      return "cancelled";
    }
    let response: string;
    try {
      ({ response } = await this.transport.send({
        to: email.toAddress,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: email.messageId,
        headers: email.headers,
        date: email.createdAt,
      }));
    } catch (err) {
      const outcome = classify(err as SmtpError);
      const expired = email.attempts >= GIVE_UP_AFTER_ATTEMPTS;
      if (outcome.permanent || expired) {
        const why = outcome.permanent ? outcome.message : `gave up after ${email.attempts} attempts: ${outcome.message}`;
        await this.settle(email, { status: "FAILED", lastError: why, smtpResponse: outcome.response });
        return "failed";
      }
      const jitter = Math.floor(Math.random() * 0.1 * backoffMs(email.attempts));
      await this.settle(email, {
        status: "PENDING",
        lastError: outcome.message,
        smtpResponse: outcome.response,
        nextAttemptAt: new Date(Date.now() + backoffMs(email.attempts) + jitter),
      });
      return outcome.transportDown ? "down" : "retrying";
    }
    await this.recordSent(email, response);
    return "sent";
  }

  /**
   * Sends due emails one at a time until none is due, `limit` is reached, or the SMTP server is
   * unreachable (then the rest wait untouched; the caller backs off and tries again later).
   */
  async drain(limit = Number.POSITIVE_INFINITY): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, failed: 0, cancelled: 0, retrying: 0, transportDown: false };
    for (let n = 0; n < limit; n++) {
      const email = await this.claim();
      if (!email) break;
      const outcome = await this.deliver(email);
      if (outcome === "down") {
        result.transportDown = true;
        log.warn("SMTP server unavailable; outbox emails wait", { transport: this.transport.description });
        break;
      }
      result[outcome]++;
    }
    return result;
  }
}
