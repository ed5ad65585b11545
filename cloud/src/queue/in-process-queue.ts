import type { Queue } from './queue.ts';

/**
 * The embedded queue. Jobs live in memory: durability comes from the store (queued
 * investigations are enqueued again at start), so nothing is lost to a restart.
 */
export class InProcessQueue<T> implements Queue<T> {
  readonly #jobs: T[] = [];
  readonly #concurrency: number;
  readonly #maxAttempts: number;
  readonly #onError: (error: unknown, job: T) => void;
  #handler: ((job: T) => Promise<void>) | undefined;
  #running = 0;
  #closed = false;
  #idleWaiters: (() => void)[] = [];

  constructor(
    options: { concurrency?: number; maxAttempts?: number; onError?: (error: unknown, job: T) => void } = {},
  ) {
    this.#concurrency = options.concurrency ?? 4;
    this.#maxAttempts = options.maxAttempts ?? 3;
    this.#onError = options.onError ?? (() => {});
  }

  async enqueue(job: T): Promise<void> {
    if (this.#closed) return;
    this.#jobs.push(job);
    this.#pump();
  }

  consume(handler: (job: T) => Promise<void>): void {
    this.#handler = handler;
    this.#pump();
  }

  get size(): number {
    return this.#jobs.length + this.#running;
  }

  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#jobs.length = 0;
    await this.idle();
  }

  #isIdle(): boolean {
    return this.#running === 0 && (this.#jobs.length === 0 || !this.#handler);
  }

  #pump(): void {
    const handler = this.#handler;
    while (handler && this.#running < this.#concurrency && this.#jobs.length > 0) {
      const job = this.#jobs.shift()!;
      this.#running++;
      void this.#run(handler, job);
    }
    if (this.#isIdle()) {
      for (const resolve of this.#idleWaiters.splice(0)) resolve();
    }
  }

  async #run(handler: (job: T) => Promise<void>, job: T): Promise<void> {
    for (let attempt = 1; attempt <= this.#maxAttempts; attempt++) {
      try {
        await handler(job);
        break;
      } catch (error) {
        if (attempt === this.#maxAttempts || this.#closed) {
          this.#onError(error, job);
          break;
        }
      }
    }
    this.#running--;
    this.#pump();
  }
}
