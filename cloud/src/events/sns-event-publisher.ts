import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { ServiceEvent, ServiceEventMessage } from '@opsworker/shared';
import { type BusEvent, EventBus } from './event-bus.ts';

export interface SnsEventPublisherOptions {
  sns: SNSClient;
  topicArn: string;
  log?: (message: string, error?: unknown) => void;
}

/** SNS rejects messages over 256 KiB; leave room for attributes. */
const MAX_MESSAGE_BYTES = 250 * 1024;

/**
 * The event bus of a Lambda container: what the modules publish still reaches in-process
 * subscribers, and is also published to the SNS topic for consumers in other processes (the
 * Slack notifier). A Lambda is frozen once its handler returns, so every handler awaits
 * `flush()` before it answers; a publish that fails after the SDK's retries is logged, not
 * thrown: the change it reports is already stored and the handler's work is done.
 */
export class SnsEventPublisher extends EventBus {
  readonly #options: SnsEventPublisherOptions;
  readonly #pending = new Set<Promise<void>>();

  constructor(options: SnsEventPublisherOptions) {
    super();
    this.#options = options;
  }

  override publish(orgId: string, event: BusEvent): void {
    super.publish(orgId, event);
    this.publishRemote(orgId, event);
  }

  /** Publishes to the topic only (the digest request has no in-process subscriber). */
  publishRemote(orgId: string, event: ServiceEvent): void {
    const sending = this.#send(orgId, event).finally(() => this.#pending.delete(sending));
    this.#pending.add(sending);
  }

  /** Resolves once everything published so far has been sent (or given up on). */
  async flush(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  async #send(orgId: string, event: ServiceEvent): Promise<void> {
    const message: ServiceEventMessage = { version: 1, orgId, event };
    const body = JSON.stringify(message);
    if (Buffer.byteLength(body) > MAX_MESSAGE_BYTES) {
      this.#options.log?.(
        `not publishing a ${event.type} event of ${Buffer.byteLength(body)} bytes: over the SNS limit`,
      );
      return;
    }
    try {
      await this.#options.sns.send(
        new PublishCommand({
          TopicArn: this.#options.topicArn,
          Message: body,
          // Subscriptions filter on these without parsing the body.
          MessageAttributes: {
            type: { DataType: 'String', StringValue: event.type },
            orgId: { DataType: 'String', StringValue: orgId },
          },
        }),
      );
    } catch (error) {
      this.#options.log?.(`publishing a ${event.type} event to SNS failed`, error);
    }
  }
}
