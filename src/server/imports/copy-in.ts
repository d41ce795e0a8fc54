import { once } from "node:events";
import type { Socket } from "node:net";
import type pg from "pg";

/*
 * `COPY … FROM STDIN` on a pg connection, without a dependency: pg runs any object with `submit`
 * as a query and hands it the protocol messages. Rows are sent as they are produced, so PostgreSQL
 * stores one chunk while the importer parses the next; the socket's backpressure bounds memory.
 */

// The copy-protocol methods pg's connection has but its type declarations leave out.
type Connection = pg.Connection & {
  stream: Socket;
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
};

const CHUNK_CHARS = 256 * 1024;

/** A COPY text-format field: backslash escapes for the characters the format reserves. */
export function copyField(value: string | null): string {
  if (value === null) return "\\N";
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"))
    : value;
}

class CopySubmittable implements pg.Submittable {
  connection: Connection | null = null;
  error: Error | null = null;
  readonly started: Promise<void>;
  readonly finished: Promise<void>;
  private resolveStarted!: () => void;
  private rejectStarted!: (err: Error) => void;
  private resolveFinished!: () => void;
  private rejectFinished!: (err: Error) => void;

  constructor(readonly text: string) {
    this.started = new Promise((resolve, reject) => ((this.resolveStarted = resolve), (this.rejectStarted = reject)));
    this.finished = new Promise((resolve, reject) => ((this.resolveFinished = resolve), (this.rejectFinished = reject)));
    // Whoever awaits only one of the two must not see the other as an unhandled rejection.
    this.started.catch(() => undefined);
    this.finished.catch(() => undefined);
  }

  submit(connection: pg.Connection) {
    this.connection = connection as Connection;
    connection.query(this.text);
  }

  handleCopyInResponse() {
    this.resolveStarted();
  }

  handleCommandComplete() {}

  /**
   * pg stops routing messages to a query once it reports an error (its ReadyForQuery goes nowhere),
   * so the COPY is over here. PostgreSQL ignores copy messages that arrive after it failed one.
   */
  handleError(err: Error) {
    this.error = err;
    this.rejectStarted(err);
    this.rejectFinished(err);
  }

  handleReadyForQuery() {
    this.resolveFinished();
  }
}

/** An open COPY: `row` queues one line of fields, `end` completes it, `abort` cancels it (the statement fails). */
export type CopyIn = {
  row(fields: (string | null)[]): Promise<void> | undefined;
  end(): Promise<void>;
  abort(reason: string): Promise<void>;
};

export async function copyIn(client: pg.PoolClient, sql: string): Promise<CopyIn> {
  const copy = new CopySubmittable(sql);
  void client.query(copy);
  await copy.started;
  const connection = copy.connection!;
  let buffer = "";
  const send = async () => {
    if (copy.error) throw copy.error;
    if (buffer === "") return;
    connection.sendCopyFromChunk(Buffer.from(buffer, "utf8"));
    buffer = "";
    if (connection.stream.writableNeedDrain) await Promise.race([once(connection.stream, "drain"), once(connection.stream, "close")]);
  };
  return {
    row(fields) {
      buffer += `${fields.map(copyField).join("\t")}\n`;
      return buffer.length >= CHUNK_CHARS ? send() : undefined;
    },
    async end() {
      if (!copy.error) await send();
      connection.endCopyFrom();
      await copy.finished;
    },
    async abort(reason) {
      connection.sendCopyFail(reason);
      await copy.finished.catch(() => undefined);
    },
  };
}
