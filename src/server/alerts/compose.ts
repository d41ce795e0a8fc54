import { render } from "@react-email/components";
import { createElement } from "react";
import type { AlertTrigger } from "../../generated/prisma/enums";
import type { DbOrTx } from "../db/client";
import { type DepartmentLabel, TEXT, TRIGGER_TITLES, describeItem, localeOf } from "../email/messages";
import { type OutboxEmailInput, appUrl } from "../email/outbox";
import { AlertEmail, type AlertEmailProps, type AlertEmailSection } from "../email/templates/alert-email";
import type { Recipient } from "./audience";
import type { AlertEventRow } from "./events";
import { ALERT_TRIGGERS } from "./triggers";
import { createUnsubscribeToken } from "./unsubscribe-token";

/** Lines per section; the rest is summarised ("… and 12 more") so a nationwide digest stays readable. */
export const MAX_LINES_PER_SECTION = 50;

export type AlertGroup = { trigger: AlertTrigger; events: AlertEventRow[] };

/** Rendered bodies by content, shared by recipients who see the same thing (see `renderOnce`). */
export type RenderCache = Map<string, Promise<{ html: string; text: string }>>;

export type ComposeInput = {
  recipient: Recipient;
  idempotencyKey: string;
  digest: "DAILY" | "WEEKLY" | null;
  groups: AlertGroup[];
  now: Date;
  renders?: RenderCache;
};

// Stands in for each recipient's own unsubscribe link in a shared rendering (.invalid never resolves).
const UNSUBSCRIBE_SLOT = "https://unsubscribe.invalid/slot";

/** How React writes a string into an HTML attribute. */
const attribute = (value: string) =>
  value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/**
 * Renders HTML and text once per distinct content and fills in the recipient's unsubscribe link:
 * immediate alerts are rendered inside the triggering transaction, and most recipients of one
 * change (national supervisors, one state's AGs) see the same lines in the same language. The
 * plain-text renderer does not wrap lines, so the result equals a rendering with the link itself.
 */
export async function renderOnce(props: AlertEmailProps, unsubscribe: string, cache?: RenderCache) {
  const shared = { ...props, unsubscribeUrl: UNSUBSCRIBE_SLOT };
  const key = JSON.stringify(shared);
  let rendered = cache?.get(key);
  if (!rendered) {
    const element = createElement(AlertEmail, shared);
    rendered = Promise.all([render(element), render(element, { plainText: true })]).then(([html, text]) => ({ html, text }));
    cache?.set(key, rendered);
  }
  const { html, text } = await rendered;
  return { html: html.replaceAll(UNSUBSCRIBE_SLOT, attribute(unsubscribe)), text: text.replaceAll(UNSUBSCRIBE_SLOT, unsubscribe) };
}

async function departmentLabels(db: DbOrTx, groups: AlertGroup[]): Promise<Map<number, DepartmentLabel>> {
  const ids = [...new Set(groups.flatMap((g) => g.events.flatMap((e) => e.payload.items.map((i) => i.departmentId))))];
  if (ids.length === 0) return new Map();
  const rows = await db.department.findMany({
    where: { id: { in: ids } },
    select: { id: true, code: true, name: true, state: { select: { name: true } } },
  });
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name, stateName: r.state.name }]));
}

export function unsubscribeUrl(token: string): string {
  return appUrl(`/api/alerts/unsubscribe?token=${encodeURIComponent(token)}`);
}

/** Renders one alert or digest email (HTML and plain text) ready for the outbox. */
export async function composeAlertEmail(db: DbOrTx, input: ComposeInput): Promise<OutboxEmailInput & { itemCount: number }> {
  const locale = localeOf(input.recipient.locale);
  const t = TEXT[locale];
  const labels = await departmentLabels(db, input.groups);
  const ordered = [...input.groups].sort((a, b) => ALERT_TRIGGERS.indexOf(a.trigger) - ALERT_TRIGGERS.indexOf(b.trigger));
  let itemCount = 0;
  const sections: AlertEmailSection[] = ordered.map((group) => {
    const lines =
      group.trigger === "EVALUATION_FAILED"
        ? group.events.map((e) => t.evaluationFailed(e.payload.asOf ?? e.occurredAt.toISOString().slice(0, 10)))
        : group.events.flatMap((e) => e.payload.items.map((item) => describeItem(item, labels.get(item.departmentId), locale)));
    itemCount += lines.length;
    const hidden = lines.length - MAX_LINES_PER_SECTION;
    return {
      title: TRIGGER_TITLES[locale][group.trigger],
      lines: lines.slice(0, MAX_LINES_PER_SECTION),
      more: hidden > 0 ? t.more(hidden) : null,
    };
  });
  const triggers = ordered.map((g) => g.trigger);
  const heading = input.digest ? t.digestHeading(input.digest === "DAILY") : (sections[0]?.title ?? "");
  const subject = input.digest ? t.digestSubject(input.digest === "DAILY", itemCount) : t.immediateSubject(heading);
  const unsubscribe = unsubscribeUrl(createUnsubscribeToken(input.recipient.userId, triggers, input.now));
  const props: AlertEmailProps = {
    lang: locale,
    heading,
    intro: t.intro,
    preview: subject,
    sections,
    settingsLabel: t.settings,
    settingsUrl: appUrl("/settings/alerts"),
    unsubscribeLabel: t.unsubscribe,
    unsubscribeUrl: unsubscribe,
    footer: t.footer,
  };
  const { html, text } = await renderOnce(props, unsubscribe, input.renders);
  return {
    idempotencyKey: input.idempotencyKey,
    userId: input.recipient.userId,
    toAddress: input.recipient.email,
    recipientRole: input.recipient.role,
    recipientState: input.recipient.stateCode,
    subject,
    html,
    text,
    // RFC 8058: mail clients unsubscribe with one POST to this address, no page visit needed.
    headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    itemCount,
  };
}
