import {
  DeleteMessageCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { decodeJob, encodeJob } from './investigation-job-message.ts';
import type { InvestigationJob, Queue } from './queue.ts';

export interface SqsQueueOptions {
  sqs: SQSClient;
  queueUrl: string;
  /** Long-poll length of `consume`; the Lambda worker does not poll (SQS invokes it). */
  waitTimeSeconds?: number;
  log?: (message: string, error?: unknown) => void;
}

/**
 * The investigation queue on SQS. In the cloud SQS hands batches to the worker Lambda, so
 * `enqueue` is what matters; `consume` runs the same jobs from a long-poll loop for any other
 * host (a container, a benchmark). Delivery is at least once: a handler that throws leaves its
 * message to come back after the visibility timeout, and to the dead-letter queue in the end.
 */
export class SqsQueue implements Queue<InvestigationJob> {
  readonly #options: SqsQueueOptions;
  readonly #closing = new AbortController();
  #loop: Promise<void> | undefined;
  #running = 0;
  #idleWaiters: (() => void)[] = [];

  constructor(options: SqsQueueOptions) {
    this.#options = options;
  }

  async enqueue(job: InvestigationJob): Promise<void> {
    await this.#options.sqs.send(
      new SendMessageCommand({ QueueUrl: this.#options.queueUrl, MessageBody: encodeJob(job) }),
    );
  }

  consume(handler: (job: InvestigationJob) => Promise<void>): void {
    this.#loop ??= this.#poll(handler);
  }

  /** Resolves when no received job is being handled. */
  idle(): Promise<void> {
    if (this.#running === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.#closing.abort();
    await this.#loop;
  }

  async #poll(handler: (job: InvestigationJob) => Promise<void>): Promise<void> {
    const { sqs, queueUrl } = this.#options;
    while (!this.#closing.signal.aborted) {
      let messages: Message[];
      try {
        const received = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queueUrl,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: this.#options.waitTimeSeconds ?? 20,
          }),
          { abortSignal: this.#closing.signal },
        );
        messages = received.Messages ?? [];
      } catch (error) {
        if (this.#closing.signal.aborted) return;
        this.#options.log?.('receiving investigation jobs failed', error);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        continue;
      }
      this.#running += messages.length;
      await Promise.all(messages.map((message) => this.#handle(message, handler)));
    }
  }

  async #handle(message: Message, handler: (job: InvestigationJob) => Promise<void>): Promise<void> {
    try {
      const job = decodeJob(message.Body ?? '');
      if (job) await handler(job);
      else this.#options.log?.('dropping a message that is not an investigation job');
      await this.#options.sqs.send(
        new DeleteMessageCommand({ QueueUrl: this.#options.queueUrl, ReceiptHandle: message.ReceiptHandle }),
      );
    } catch (error) {
      this.#options.log?.('an investigation job failed; SQS will deliver it again', error);
    } finally {
      this.#running--;
      if (this.#running === 0) for (const resolve of this.#idleWaiters.splice(0)) resolve();
    }
  }
}
