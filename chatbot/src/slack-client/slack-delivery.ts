import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { OutboxItem, OutboxWork, SlackState } from '../state/slack-state.ts';
import { deliverWork, readyAt } from './deliver-work.ts';
import { type BackoffOptions, DEFAULT_BACKOFF, decideRetry } from './retry-policy.ts';

export interface SlackDeliveryOptions {
  state: SlackState;
  client: WebClient;
  /** Where failures are reported (never with tokens). */
  log?: ((message: string) => void) | undefined;
  /** Least time between two updates of one message (Slack: about one per second). */
  minUpdateIntervalMs?: number | undefined;
  backoff?: BackoffOptions | undefined;
  /** Work pending longer than this is dropped (it no longer helps anyone), with a log line. */
  maxAgeMs?: number | undefined;
  now?: (() => number) | undefined;
}

const DAY_MS = 86_400_000;

/**
 * Delivers the outbox to Slack, one call at a time, oldest due work first. 429 pauses every
 * call for Retry-After; other failures back off exponentially. Work leaves the outbox only once
 * Slack confirmed it, so a crash or restart retries whatever was pending.
 */
export class SlackDelivery {
  readonly #options: SlackDeliveryOptions;
  readonly #now: () => number;
  readonly #minUpdateIntervalMs: number;
  #running = false;
  #timer: NodeJS.Timeout | undefined;
  #pass: Promise<void> | undefined;
  #again = false;
  #pausedUntil = 0;
  #inFlight: string | undefined;
  readonly #idleWaiters: (() => void)[] = [];

  constructor(options: SlackDeliveryOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#minUpdateIntervalMs = options.minUpdateIntervalMs ?? 1000;
  }

  /** Starts delivering (including what a previous run left pending). */
  start(): void {
    this.#running = true;
    this.kick();
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#pass;
  }

  /**
   * Adds work. An investigation's message is in the outbox at most once (its latest rendering
   * is read when it is sent); thread lines join those still waiting for the same thread.
   */
  async enqueue(work: OutboxWork, options: { id?: string } = {}): Promise<string> {
    const id = await this.#options.state.mutateOutbox((items) => {
      // Lines being sent right now are not extended (they are already on their way); a message
      // item is, since its content is read when sent and a newer version gets sent again.
      const pending = items.find(
        (item) =>
          samePendingWork(item.work, work) &&
          (item.id !== this.#inFlight || item.work.kind === 'investigation_message'),
      );
      if (pending) {
        if (pending.work.kind === 'thread_lines' && work.kind === 'thread_lines')
          pending.work.lines.push(...work.lines);
        return pending.id;
      }
      const item: OutboxItem = {
        id: options.id ?? randomUUID(),
        work,
        attempts: 0,
        nextAttemptAt: this.#now(),
        createdAt: new Date(this.#now()).toISOString(),
      };
      items.push(item);
      return item.id;
    });
    this.kick();
    return id;
  }

  /** Runs a delivery pass now (coalesced with one already running). */
  kick(): void {
    if (!this.#running) return;
    if (this.#pass) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#pass = this.#runPasses().finally(() => {
      this.#pass = undefined;
    });
  }

  /** Resolves once the outbox is empty (for tests and for a Lambda finishing its invocation). */
  async idle(timeoutMs = 30_000): Promise<void> {
    if ((await this.#options.state.outbox()).length === 0 && !this.#pass) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Slack outbox not empty after ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async #runPasses(): Promise<void> {
    do {
      this.#again = false;
      await this.#deliverDue();
    } while (this.#again && this.#running);
  }

  /** Delivers everything due, then sleeps until the next item is due. */
  async #deliverDue(): Promise<void> {
    const { state } = this.#options;
    for (;;) {
      if (!this.#running) return;
      const items = await state.outbox();
      if (items.length === 0) {
        for (const waiter of this.#idleWaiters.splice(0)) waiter();
        return;
      }
      let next: { item: OutboxItem; at: number } | undefined;
      for (const item of items) {
        const at = await readyAt(item, state, this.#minUpdateIntervalMs);
        if (at === 'obsolete') {
          await state.mutateOutbox((all) => removeById(all, item.id));
          continue;
        }
        if (at === 'blocked') continue;
        // Oldest first among what is due together: messages keep the order they were queued in.
        const effective = Math.max(at, this.#pausedUntil);
        if (!next || effective < next.at) next = { item, at: effective };
      }
      if (!next) return; // Only blocked work: a delivery of what it waits for kicks a new pass.
      const wait = Math.max(next.at, this.#pausedUntil) - this.#now();
      if (wait > 0) {
        this.#timer = setTimeout(() => this.kick(), wait);
        return;
      }
      await this.#deliver(next.item);
    }
  }

  async #deliver(item: OutboxItem): Promise<void> {
    const { state, client, log } = this.#options;
    this.#inFlight = item.id;
    try {
      const result = await deliverWork(item, state, client, this.#now);
      if (result === 'done') await state.mutateOutbox((all) => removeById(all, item.id));
      else await this.#reschedule(item, this.#now(), undefined);
    } catch (error) {
      const attempts = item.attempts + 1;
      const decision = decideRetry(error, attempts, this.#options.backoff ?? DEFAULT_BACKOFF);
      const tooOld = this.#now() - Date.parse(item.createdAt) > (this.#options.maxAgeMs ?? DAY_MS);
      if (!decision.retry || tooOld) {
        log?.(
          `Slack refused ${describeWork(item.work)} (${decision.reason}); dropping it after ${attempts} attempt(s)`,
        );
        await state.mutateOutbox((all) => removeById(all, item.id));
        return;
      }
      if (decision.pauseAll) this.#pausedUntil = this.#now() + decision.delayMs;
      log?.(
        `Slack ${describeWork(item.work)} failed (${decision.reason}); retrying in ${decision.delayMs} ms`,
      );
      await this.#reschedule(item, this.#now() + decision.delayMs, decision.reason, attempts);
    } finally {
      this.#inFlight = undefined;
    }
  }

  async #reschedule(
    item: OutboxItem,
    at: number,
    lastError: string | undefined,
    attempts = 0,
  ): Promise<void> {
    await this.#options.state.mutateOutbox((all) => {
      const stored = all.find((candidate) => candidate.id === item.id);
      if (stored) Object.assign(stored, { nextAttemptAt: at, attempts, lastError });
    });
  }
}

function samePendingWork(a: OutboxWork, b: OutboxWork): boolean {
  if (a.kind === 'investigation_message' && b.kind === 'investigation_message')
    return a.investigationId === b.investigationId;
  if (a.kind === 'thread_lines' && b.kind === 'thread_lines') return a.investigationId === b.investigationId;
  return false;
}

function removeById(items: OutboxItem[], id: string): void {
  const index = items.findIndex((item) => item.id === id);
  if (index !== -1) items.splice(index, 1);
}

function describeWork(work: OutboxWork): string {
  switch (work.kind) {
    case 'investigation_message':
      return `message of investigation ${work.investigationId}`;
    case 'thread_lines':
      return `thread steps of investigation ${work.investigationId}`;
    case 'message':
      return `message to ${work.channel}`;
    case 'file':
      return `file ${work.filename} to ${work.channel}`;
  }
}
