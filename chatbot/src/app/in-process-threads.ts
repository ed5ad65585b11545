import type { InvestigationThreads, SlackMessageRef } from './listener-deps.ts';

/**
 * The thread index kept in this process: the messages the listeners adopted. Stands in until
 * the notifier's durable state can look investigations up by thread (see start-slack-bot.ts).
 */
export class InProcessThreads implements InvestigationThreads {
  readonly #byThread = new Map<string, string>();
  readonly #onAdopt: (investigationId: string, message: SlackMessageRef) => Promise<void>;
  readonly #onRefresh: (investigationId: string) => Promise<void>;

  constructor(
    hooks: { onAdopt?: InvestigationThreads['adopt']; onRefresh?: InvestigationThreads['refresh'] } = {},
  ) {
    this.#onAdopt = hooks.onAdopt ?? (async () => {});
    this.#onRefresh = hooks.onRefresh ?? (async () => {});
  }

  /** Remembers that the message `ts` in `channel` (and its thread) is the investigation's. */
  link(investigationId: string, channel: string, ts: string): void {
    this.#byThread.set(`${channel}/${ts}`, investigationId);
  }

  async investigationFor(channel: string, threadTs: string): Promise<string | undefined> {
    return this.#byThread.get(`${channel}/${threadTs}`);
  }

  async adopt(investigationId: string, message: SlackMessageRef): Promise<void> {
    this.link(investigationId, message.channel, message.ts);
    if (message.threadTs) this.link(investigationId, message.channel, message.threadTs);
    await this.#onAdopt(investigationId, message);
  }

  async refresh(investigationId: string): Promise<void> {
    await this.#onRefresh(investigationId);
  }
}
