import type { App, Receiver } from '@slack/bolt';

/** What the Slack events function hands the async function: the request body Bolt already verified. */
export interface SlackWork {
  version: 1;
  body: Record<string, unknown>;
}

/**
 * A Bolt receiver for the asynchronous Slack function: no HTTP, no signature (the events
 * function checked it, and only it may invoke this one, by IAM). Slack was acked long ago, so
 * what a listener puts in its `ack` (help text, a "running…" note) goes to the request's
 * `response_url` instead, where the user still sees it.
 */
export class DirectReceiver implements Receiver {
  #app: App | undefined;
  readonly #fetch: typeof fetch;

  constructor(fetchImpl: typeof fetch = fetch) {
    this.#fetch = fetchImpl;
  }

  init(app: App): void {
    this.#app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** Runs the listeners for one request; resolves when they are done. */
  async dispatch(work: SlackWork): Promise<void> {
    if (!this.#app) throw new Error('the receiver is not attached to an app');
    const responseUrl = typeof work.body.response_url === 'string' ? work.body.response_url : undefined;
    await this.#app.processEvent({
      body: work.body,
      ack: async (response?: unknown) => {
        if (!response || !responseUrl) return;
        const message = typeof response === 'string' ? { text: response } : response;
        await this.#fetch(responseUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(message),
        });
      },
    });
  }
}
