import nodemailer from "nodemailer";
import { env } from "../../env";
import { log } from "../log";

export type OutgoingMessage = {
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
  date: Date;
};

/** Where emails go. `send` resolves with the server's reply once it has accepted the message. */
export type MailTransport = {
  description: string;
  send(message: OutgoingMessage): Promise<{ response: string }>;
  close(): void;
};

// Short enough that a hung server never outlives a sender's claim on an email (see sender.ts).
const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

/** nodemailer over an `smtp://` or `smtps://` URL (user and password in the URL when needed). */
export function smtpTransport(smtpUrl: string, from = env.MAIL_FROM): MailTransport {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    pool: true,
    maxConnections: 1,
    ...TIMEOUTS,
  });
  return {
    description: `${url.protocol}//${url.host}`,
    async send(message) {
      const info = await transporter.sendMail({ from, ...message });
      return { response: info.response };
    },
    close: () => transporter.close(),
  };
}

/**
 * The transport configured for this process: `SMTP_URL`, or in demo mode the built-in catcher
 * (browsable at /dev/mail). Null when neither: emails then wait in the outbox.
 */
export async function configuredTransport(): Promise<(MailTransport & { stopCatcher?: () => Promise<void> }) | null> {
  if (env.SMTP_URL) return smtpTransport(env.SMTP_URL);
  if (env.VIGILA_DEMO !== "1") {
    log.error("SMTP_URL is not set: alert emails stay in the outbox until it is (demo mode uses a built-in catcher)");
    return null;
  }
  const { startDevCatcher } = await import("./dev-catcher");
  const catcher = await startDevCatcher();
  return { ...smtpTransport(`smtp://127.0.0.1:${catcher.port}`), stopCatcher: catcher.stop };
}
