import type { SlackState } from '../state/slack-state.ts';

export interface DigestSchedulerOptions {
  /** `OPSWORKER_DIGEST_TIME`, UTC. */
  time: { hour: number; minute: number };
  state: Pick<SlackState, 'getDigestSentDay' | 'setDigestSentDay'>;
  /** Queues the digest for this moment; throws when it could not (the scheduler retries). */
  send: (at: Date) => Promise<void>;
  /** One digest per key and day (the organization, or the channel). */
  key?: string;
  now?: () => Date;
  log?: ((message: string) => void) | undefined;
  retryMs?: number;
}

/**
 * Sends the digest once a day at the configured UTC time. The day sent is stored, so a restart
 * neither sends it twice nor skips it: started after today's time without today's digest
 * sent, it sends it at once.
 */
export class DigestScheduler {
  readonly #options: DigestSchedulerOptions;
  readonly #key: string;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #running: Promise<void> | undefined;

  constructor(options: DigestSchedulerOptions) {
    this.#options = options;
    this.#key = options.key ?? 'default';
  }

  start(): void {
    this.#stopped = false;
    void this.#check();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  /** Resolves once the current check (and send, when due) is done: for tests. */
  async settled(): Promise<void> {
    await this.#running;
  }

  /** When today's digest is due (UTC). */
  dueAt(now: Date): Date {
    const due = new Date(now.getTime());
    due.setUTCHours(this.#options.time.hour, this.#options.time.minute, 0, 0);
    return due;
  }

  #check(): Promise<void> {
    this.#running = this.#runCheck();
    return this.#running;
  }

  async #runCheck(): Promise<void> {
    if (this.#stopped) return;
    const now = this.#options.now?.() ?? new Date();
    const today = now.toISOString().slice(0, 10);
    const due = this.dueAt(now);
    let wait: number;
    if (now >= due && (await this.#options.state.getDigestSentDay(this.#key)) !== today) {
      try {
        await this.#options.send(due);
        await this.#options.state.setDigestSentDay(this.#key, today);
        wait = this.dueAt(new Date(due.getTime() + 86_400_000)).getTime() - now.getTime();
      } catch (error) {
        this.#options.log?.(`The daily digest could not be prepared (${(error as Error).message}); retrying`);
        wait = this.#options.retryMs ?? 60_000;
      }
    } else {
      const next = now >= due ? new Date(due.getTime() + 86_400_000) : due;
      wait = next.getTime() - now.getTime();
    }
    if (this.#stopped) return;
    this.#timer = setTimeout(() => void this.#check(), Math.max(1000, wait));
    this.#timer.unref();
  }
}
