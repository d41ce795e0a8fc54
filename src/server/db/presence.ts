import pg from "pg";
import { countOtherClients, type EmbeddedServer, stopEmbeddedServer } from "./embedded";

/**
 * Who stops a shared embedded server: every Vigila process using it holds a shared advisory lock
 * on one "presence" connection for as long as it runs. Leaving, a process drops its shared lock and
 * tries the exclusive one: only the last process gets it, and only that one stops the server. Two
 * processes leaving together cannot both think the other stays (one of them always gets the lock),
 * and a process killed outright loses its lock with its connection. So "the process that started
 * it stops it unless others are connected" generalises to "the last one out stops it", and a
 * server whose starter exited early is not left running forever.
 */

// Advisory locks are per database: every presence connection uses the `postgres` database.
const PRESENCE_LOCK_KEY = 7_411_010;
const DRAIN_WAIT_MS = 1_500;

export type LeaveOutcome = "stopped" | "left-running";
export type Presence = { leave: (options?: { force?: boolean }) => Promise<LeaveOutcome> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Registers this process as a user of the server. Rejects if the server goes down meanwhile (a
 * last process was stopping it); the caller then starts or attaches again.
 */
export async function joinEmbeddedServer(server: EmbeddedServer): Promise<Presence> {
  const client = new pg.Client({ connectionString: server.url("postgres"), application_name: "vigila-presence" });
  // A server shut down under us is expected at exit; an unhandled 'error' event would crash the process.
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("select pg_advisory_lock_shared($1)", [PRESENCE_LOCK_KEY]);
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
  let left: Promise<LeaveOutcome> | undefined;
  return {
    leave: (options = {}) => (left ??= leave(client, server, options.force ?? false)),
  };
}

async function leave(client: pg.Client, server: EmbeddedServer, force: boolean): Promise<LeaveOutcome> {
  let last = false;
  try {
    await client.query("select pg_advisory_unlock_shared($1)", [PRESENCE_LOCK_KEY]);
    const { rows } = await client.query<{ last: boolean }>("select pg_try_advisory_lock($1) as last", [PRESENCE_LOCK_KEY]);
    last = rows[0]?.last === true;
    // Last Vigila process. Other clients (psql, an app pool still closing) keep the server up unless forced.
    if (last && !force) {
      const deadline = Date.now() + DRAIN_WAIT_MS;
      let others = await countOtherClients(client);
      while (others > 0 && Date.now() < deadline) {
        await sleep(50);
        others = await countOtherClients(client);
      }
      last = others === 0;
    }
  } catch {
    last = false; // the server is already gone or going (stopped by someone else)
  }
  // Stop while still holding the exclusive lock, so nobody can join in between (a process waiting
  // to join sees its connection closed by the shutdown and starts the server again).
  if (last) await stopEmbeddedServer(server.pid);
  await client.end().catch(() => undefined);
  return last ? "stopped" : "left-running";
}
