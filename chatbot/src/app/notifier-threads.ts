import type { Investigation } from '@opsworker/shared';
import type { RunningSlackNotifier } from '../notifier/start-notifier.ts';
import type { InvestigationThreads, SlackPlace } from './listener-deps.ts';

/**
 * The listeners' threads, backed by the notifier: lookups read its durable state (every
 * investigation message it posted, across restarts, in any process sharing the state), and
 * Slack-started investigations and re-renders go through it, so there is one message per
 * investigation whoever started it.
 */
export class NotifierThreads implements InvestigationThreads {
  readonly #running: Pick<RunningSlackNotifier, 'notifier' | 'state' | 'idle'>;
  readonly #settleMs: number | undefined;

  /**
   * `settleMs`: wait up to this long for the notifier to deliver before returning (a Lambda
   * that must not freeze with work in flight); absent, delivery carries on in the background.
   */
  constructor(
    running: Pick<RunningSlackNotifier, 'notifier' | 'state' | 'idle'>,
    options: { settleMs?: number } = {},
  ) {
    this.#running = running;
    this.#settleMs = options.settleMs;
  }

  investigationFor(channel: string, threadTs: string): Promise<string | undefined> {
    return this.#running.state.findByThread(channel, threadTs);
  }

  async attach(investigation: Investigation, where: SlackPlace): Promise<void> {
    await this.#running.notifier.attach(investigation, where);
    await this.#settle();
  }

  async refresh(investigationId: string): Promise<void> {
    await this.#running.notifier.refresh(investigationId);
    await this.#settle();
  }

  async #settle(): Promise<void> {
    if (this.#settleMs !== undefined) await this.#running.idle(this.#settleMs).catch(() => {});
  }
}
