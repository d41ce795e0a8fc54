import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { env } from "../../env";
import { log } from "../log";
import { mailDir } from "./dev-mailbox";

const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port, timeout: 1000 }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
    socket.on("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * Demo mode's mail server: a real SMTP server on 127.0.0.1 that keeps every message it accepts as
 * an .eml file in `<VIGILA_DATA_DIR>/mail`, so a newcomer can see alerts at /dev/mail without
 * configuring anything. Several workers share one catcher through `catcher.json`.
 */
export async function startDevCatcher(dataDir = env.VIGILA_DATA_DIR): Promise<{ port: number; stop: () => Promise<void> }> {
  const dir = mailDir(dataDir);
  await mkdir(dir, { recursive: true });
  const infoFile = path.join(dir, "catcher.json");
  const existing = await readFile(infoFile, "utf8")
    .then((t) => JSON.parse(t) as { port: number })
    .catch(() => null);
  if (existing && (await answers(existing.port))) return { port: existing.port, stop: () => Promise.resolve() };

  const { SMTPServer } = await import("smtp-server");
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    size: MAX_MESSAGE_BYTES,
    banner: "Vigila demo mail catcher",
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const name = `${Date.now()}-${randomBytes(4).toString("hex")}.eml`;
        const tmp = path.join(dir, `.${name}.tmp`);
        // Written then renamed: the page never lists a half-written message.
        writeFile(tmp, Buffer.concat(chunks))
          .then(() => rename(tmp, path.join(dir, name)))
          .then(
            () => callback(null, `Stored as ${name}`),
            (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
          );
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  server.on("error", (err) => log.warn("Demo mail catcher error", { error: String(err) }));
  await writeFile(infoFile, JSON.stringify({ port, pid: process.pid }));
  log.info(`Demo mail catcher listening on 127.0.0.1:${port}; messages at /dev/mail`);
  return { port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
