import { link, open, readFile, rename, rm, stat } from "node:fs/promises";

/**
 * An exclusive lock on a data folder between processes (a file created with O_EXCL holding the
 * holder's PID), so that only one process at a time runs initdb or starts the postmaster there.
 * A lock left by a process that died is taken over.
 */

const EMPTY_LOCK_GRACE_MS = 10_000;

function processIsAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function tryCreate(lockPath: string) {
  try {
    const handle = await open(lockPath, "wx", 0o600);
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
}

/** True when the lock's holder is gone (or it never got to write its PID, long ago). */
async function isStale(lockPath: string) {
  const text = await readFile(lockPath, "utf8").catch(() => null);
  if (text === null) return false; // released meanwhile: just retry
  const holder = Number(text);
  if (text.trim() === "") {
    const age = await stat(lockPath)
      .then((s) => Date.now() - s.mtimeMs)
      .catch(() => 0);
    return age > EMPTY_LOCK_GRACE_MS;
  }
  return !Number.isInteger(holder) || !processIsAlive(holder);
}

/** Moves a stale lock aside; if another waiter replaced it in between, puts the live one back. */
async function breakStaleLock(lockPath: string) {
  const aside = `${lockPath}.stale-${process.pid}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return;
  }
  const holder = Number(await readFile(aside, "utf8").catch(() => ""));
  if (Number.isInteger(holder) && holder > 0 && processIsAlive(holder)) await link(aside, lockPath).catch(() => undefined);
  await rm(aside, { force: true });
}

export async function withFolderLock<T>(lockPath: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (!(await tryCreate(lockPath))) {
    if (await isStale(lockPath)) {
      await breakStaleLock(lockPath);
      continue;
    }
    if (Date.now() > deadline) {
      const holder = await readFile(lockPath, "utf8").catch(() => "?");
      throw new Error(`Timed out waiting for ${lockPath} (held by process ${holder.trim() || "?"}); delete it if that process is gone`);
    }
    await sleep(50);
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}

export { processIsAlive };
