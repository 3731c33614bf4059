/**
 * At most `concurrency` diagnoses at once, at most `capacity` waiting. The intake asks `hasRoom()`
 * before claiming more work, which is how a burst turns into 429s instead of unbounded memory.
 */
export class DiagnosisQueue {
  private running = 0;
  private readonly waiting: (() => Promise<void>)[] = [];
  private idleWaiters: (() => void)[] = [];
  private roomWaiters: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly capacity: number,
  ) {}

  get size(): number {
    return this.waiting.length;
  }

  get active(): number {
    return this.running;
  }

  hasRoom(): boolean {
    return this.waiting.length < this.capacity;
  }

  /** Resolves when a job can be queued. */
  room(): Promise<void> {
    return this.hasRoom() ? Promise.resolve() : new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  push(job: () => Promise<void>): void {
    this.waiting.push(job);
    this.next();
  }

  private next(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift() as () => Promise<void>;
      this.running += 1;
      for (const wake of this.roomWaiters.splice(0)) wake();
      void job()
        .catch(() => undefined)
        .finally(() => {
          this.running -= 1;
          this.next();
        });
    }
    if (this.running === 0 && this.waiting.length === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  /** Resolves when nothing runs or waits (SIGTERM drains through this). */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
