import type pg from "pg";
import type { Prisma } from "../../generated/prisma/client";
import { type Db, poolOf } from "./client";

/**
 * PostgreSQL ends the session of a cursor left idle this long inside its transaction: a backstop in
 * case the reader is never closed (the download's own stall timer acts well before).
 */
const IDLE_IN_TRANSACTION_MS = 60_000;

/**
 * The rows of one read-only statement, a page at a time, through a server-side cursor on a pool
 * connection of its own: one consistent snapshot (REPEATABLE READ, READ ONLY), memory at one page.
 * The connection is held only while the generator is open; `return()` (a download that ends early),
 * an error, or the last page ends the transaction and gives the connection back at once. A connection
 * the server ended is destroyed rather than returned. Rows come as pg parses them: select text columns.
 */
export async function* cursorPages<T extends object>(db: Db, sql: Prisma.Sql, pageRows: number): AsyncGenerator<T[], void, undefined> {
  const client = await poolOf(db).connect();
  let broken: Error | undefined;
  // A checked-out client's error (the server ended the session) must not become an unhandled event.
  const onError = (err: Error) => (broken = err);
  client.on("error", onError);
  let open = false;
  try {
    await client.query("begin isolation level repeatable read read only");
    open = true;
    await client.query(`set local idle_in_transaction_session_timeout = ${IDLE_IN_TRANSACTION_MS}`);
    await client.query({ text: `declare vigila_rows no scroll cursor for ${sql.text}`, values: sql.values });
    for (;;) {
      const page: pg.QueryResult<T> = await client.query(`fetch forward ${pageRows} from vigila_rows`);
      if (page.rows.length === 0) break;
      yield page.rows;
    }
    await client.query("commit");
    open = false;
  } finally {
    if (open && !broken) await client.query("rollback").catch((err: unknown) => (broken = err as Error));
    client.off("error", onError);
    // Released with an error, the pool destroys the connection instead of reusing a half-open one.
    client.release(broken);
  }
}
