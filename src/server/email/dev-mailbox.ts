import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { env } from "../../env";

/** The demo mail catcher's store (see dev-catcher.ts): one .eml file per accepted message. */
export function mailDir(dataDir = env.VIGILA_DATA_DIR): string {
  return path.join(path.resolve(dataDir), "mail");
}

/** `<epoch ms>-<random>.eml`: anything else (e.g. a path) is never opened. */
const MESSAGE_ID = /^\d{13}-[0-9a-f]{8}\.eml$/;

export type CaughtMailSummary = { id: string; receivedAt: Date; to: string; subject: string; messageId: string | null };
export type CaughtMail = CaughtMailSummary & { html: string | null; text: string | null; headers: Record<string, string> };

async function parse(dir: string, id: string): Promise<CaughtMail> {
  const { simpleParser } = await import("mailparser");
  const mail = await simpleParser(await readFile(path.join(dir, id)));
  const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
  const headers: Record<string, string> = {};
  for (const line of mail.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(":") + 1).trim();
  return {
    id,
    receivedAt: new Date(Number(id.slice(0, 13))),
    to,
    subject: mail.subject ?? "",
    messageId: mail.messageId ?? null,
    html: typeof mail.html === "string" ? mail.html : null,
    text: mail.text ?? null,
    headers,
  };
}

/** The newest caught messages first. */
export async function listCaughtMail(limit = 100, dataDir = env.VIGILA_DATA_DIR): Promise<CaughtMailSummary[]> {
  const dir = mailDir(dataDir);
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((n) => MESSAGE_ID.test(n))
    .sort()
    .reverse()
    .slice(0, limit);
  const mails = await Promise.all(names.map((n) => parse(dir, n)));
  return mails.map(({ id, receivedAt, to, subject, messageId }) => ({ id, receivedAt, to, subject, messageId }));
}

/** One caught message; null for an unknown (or malformed, e.g. path-like) id. */
export async function readCaughtMail(id: string, dataDir = env.VIGILA_DATA_DIR): Promise<CaughtMail | null> {
  if (!MESSAGE_ID.test(id)) return null;
  return parse(mailDir(dataDir), id).catch(() => null);
}
