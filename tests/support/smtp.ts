import { SMTPServer } from "smtp-server";

export type ReceivedMail = { messageId: string | null; to: string[]; raw: string };
export type SmtpMode = "accept" | "reject-permanent" | "reject-temporary";

/**
 * A real SMTP server on 127.0.0.1 for tests. It can refuse messages (5xx or 4xx), be stopped
 * (unreachable) and started again on the same port, and counts every message it accepted.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  mode: SmtpMode = "accept";
  /** Milliseconds to wait before answering each message (keeps a sender busy mid-run). */
  delayMs = 0;
  port = 0;
  private server: SMTPServer | null = null;

  async start(port = this.port): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const finish = () => {
            if (this.mode === "reject-permanent") {
              callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
              return;
            }
            if (this.mode === "reject-temporary") {
              callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
              return;
            }
            const raw = Buffer.concat(chunks).toString("utf8");
            const header = raw.slice(0, raw.indexOf("\r\n\r\n"));
            const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(header)?.[1] ?? null;
            this.received.push({ messageId, to: session.envelope.rcptTo.map((r) => r.address), raw });
            callback(null, `Queued as ${this.received.length}`);
          };
          if (this.delayMs > 0) setTimeout(finish, this.delayMs);
          else finish();
        });
      },
    });
    this.port = await new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.server.address();
        resolve(typeof address === "object" && address ? address.port : 0);
      });
    });
    this.server = server;
    return this;
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop() {
    const server = this.server;
    this.server = null;
    if (!server) return;
    // Drop open client connections too, so the sender sees the server go away.
    for (const connection of (server as unknown as { connections: Set<{ close(): void }> }).connections ?? []) connection.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  messageIds(): string[] {
    return this.received.map((m) => m.messageId ?? "");
  }
}
