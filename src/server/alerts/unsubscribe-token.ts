import { createHmac, timingSafeEqual } from "node:crypto";
import type { AlertTrigger } from "../../generated/prisma/enums";
import { getAuthSecret } from "../auth/secret";
import { AppError } from "../errors";
import { ALERT_TRIGGERS } from "./triggers";

/** Unsubscribe links stay valid long enough for a weekly digest read late, not forever. */
export const UNSUBSCRIBE_TOKEN_DAYS = 60;

export type UnsubscribeClaim = { userId: number; triggers: AlertTrigger[]; expiresAt: Date };

// A purpose-bound key: a token signed for unsubscribing can never pass as a session or anything else.
function key(): Buffer {
  return createHmac("sha256", getAuthSecret()).update("vigila:alerts:unsubscribe:v1").digest();
}

function sign(body: string): string {
  return createHmac("sha256", key()).update(body).digest("base64url");
}

export function createUnsubscribeToken(userId: number, triggers: AlertTrigger[], now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + UNSUBSCRIBE_TOKEN_DAYS * 86_400;
  const body = Buffer.from(JSON.stringify({ u: userId, t: [...triggers].sort(), e: expires })).toString("base64url");
  return `${body}.${sign(body)}`;
}

const invalid = (why: string) => new AppError("BAD_REQUEST", `This unsubscribe link is not valid: ${why}`);

export function verifyUnsubscribeToken(token: string, now: Date): UnsubscribeClaim {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) throw invalid("it is incomplete");
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid("its signature does not match");
  let claim: { u?: unknown; t?: unknown; e?: unknown };
  try {
    claim = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as typeof claim;
  } catch {
    throw invalid("it cannot be read");
  }
  const triggers = Array.isArray(claim.t) ? claim.t : [];
  if (
    !Number.isInteger(claim.u) ||
    typeof claim.e !== "number" ||
    triggers.length === 0 ||
    !triggers.every((t) => (ALERT_TRIGGERS as readonly unknown[]).includes(t))
  ) {
    throw invalid("it cannot be read");
  }
  const expiresAt = new Date(claim.e * 1000);
  if (expiresAt.getTime() <= now.getTime()) {
    throw invalid("it has expired; change your alerts on the alert settings page instead");
  }
  return { userId: claim.u as number, triggers: triggers as AlertTrigger[], expiresAt };
}
