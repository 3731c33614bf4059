/**
 * The local append-only spool: every accepted alert is appended (one JSON line) before the 202, and
 * the drain to Elasticsearch commits a prefix by moving an offset kept beside it. Whatever was
 * appended and not committed is read back at start, so nothing is lost when serve restarts or
 * Elasticsearch is away. File operations are serialised; the files are emptied once all is committed.
 */
import { ftruncateSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, open, readFile, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export class Spool<T> {
  private readonly file: string;
  private readonly offsetFile: string;
  private handle: FileHandle | undefined;
  private offset = 0;
  private size = 0;
  /** Byte length of each line not yet committed, in order. */
  private readonly lengths: number[] = [];
  private chain: Promise<unknown> = Promise.resolve();
  /** Appends waiting for the next write. */
  private readonly waiting: { lines: string[]; resolve(): void; reject(error: unknown): void }[] = [];

  constructor(readonly dir: string) {
    this.file = path.join(dir, 'alerts.jsonl');
    this.offsetFile = path.join(dir, 'alerts.offset');
  }

  /** Opens the spool and returns the entries appended but not committed (a torn last line is dropped). */
  async open(): Promise<T[]> {
    await mkdir(this.dir, { recursive: true });
    const text = await readFile(this.file, 'utf8').catch(() => '');
    this.offset = Number((await readFile(this.offsetFile, 'utf8').catch(() => '0')).trim()) || 0;
    const pending: T[] = [];
    const tail = Buffer.from(text, 'utf8').subarray(this.offset).toString('utf8');
    let complete = this.offset;
    for (const line of tail.split('\n').slice(0, -1)) {
      const bytes = Buffer.byteLength(line, 'utf8') + 1;
      complete += bytes;
      try {
        pending.push(JSON.parse(line) as T);
        this.lengths.push(bytes);
      } catch {
        // A line cut by a crash mid-write holds no alert whose 202 was sent: skip it.
        this.offset += bytes;
      }
    }
    // Rewrite without a torn tail, so appends start on a line boundary.
    if (complete !== Buffer.byteLength(text, 'utf8'))
      await writeFile(this.file, Buffer.from(text, 'utf8').subarray(0, complete));
    this.size = complete;
    this.handle = await open(this.file, 'a');
    return pending;
  }

  private serial<R>(work: () => Promise<R>): Promise<R> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /**
   * Appends entries; resolves once they are written. Appends that arrive while a write is under way
   * go out together in the next one (group commit): one write per batch of concurrent requests
   * instead of one per alert, which is what keeps the 202 fast under a burst.
   */
  append(entries: readonly T[]): Promise<void> {
    const lines = entries.map((e) => `${JSON.stringify(e)}\n`);
    return new Promise((resolve, reject) => {
      this.waiting.push({ lines, resolve, reject });
      if (this.waiting.length === 1) void this.serial(() => this.writeWaiting());
    });
  }

  private async writeWaiting(): Promise<void> {
    const batch = this.waiting.splice(0);
    const lines = batch.flatMap((b) => b.lines);
    try {
      if (!this.handle) throw new Error('spool is not open');
      const text = lines.join('');
      // A synchronous append to the page cache takes microseconds; the promise API goes through
      // libuv's thread pool, whose hand-offs stalled the request path on a loaded machine.
      writeSync(this.handle.fd, text);
      for (const line of lines) this.lengths.push(Buffer.byteLength(line, 'utf8'));
      this.size += Buffer.byteLength(text, 'utf8');
      for (const b of batch) b.resolve();
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  }

  /** Marks the first `count` uncommitted entries as stored elsewhere. */
  commit(count: number): Promise<void> {
    return this.serial(async () => {
      const done = this.lengths.splice(0, count);
      this.offset += done.reduce((a, b) => a + b, 0);
      if (this.lengths.length === 0 && this.handle) {
        ftruncateSync(this.handle.fd, 0);
        this.offset = 0;
        this.size = 0;
      }
      const temp = `${this.offsetFile}.tmp`;
      writeFileSync(temp, String(this.offset));
      renameSync(temp, this.offsetFile);
    });
  }

  get pending(): number {
    return this.lengths.length;
  }

  async close(): Promise<void> {
    await this.serial(async () => {
      await this.handle?.close();
      this.handle = undefined;
    });
  }
}
