import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { describeError, type TransportLog } from './sqs-log.ts';

/** Keeps one received message invisible to other consumers while the agent works on it. */
export interface VisibilityLease {
  /** Stops extending: the message was deleted, or is left to reappear when its timeout runs out. */
  end(): void;
  /** Stops extending and makes the message visible again now, for another consumer. */
  release(): Promise<void>;
}

export interface VisibilityLeaseOptions {
  sqs: SQSClient;
  queueUrl: string;
  receiptHandle: string;
  /** The timeout the message was received with; each extension sets it again from now. */
  visibilityTimeoutSeconds: number;
  log: TransportLog;
}

/**
 * Extends the message's visibility every third of its timeout, so that one failed or slow call
 * still leaves time for the next before the message would reappear and run a second time.
 */
export function holdVisibility(options: VisibilityLeaseOptions): VisibilityLease {
  const { sqs, queueUrl, receiptHandle, visibilityTimeoutSeconds, log } = options;
  let extending = false;
  const timer = setInterval(
    () => {
      if (extending) return;
      extending = true;
      change(visibilityTimeoutSeconds)
        .catch((error) => log.warn('could not extend message visibility', { error: describeError(error) }))
        .finally(() => {
          extending = false;
        });
    },
    Math.max(100, (visibilityTimeoutSeconds * 1000) / 3),
  );
  timer.unref();

  function change(seconds: number) {
    return sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: queueUrl,
        ReceiptHandle: receiptHandle,
        VisibilityTimeout: seconds,
      }),
    );
  }

  return {
    end() {
      clearInterval(timer);
    },
    async release() {
      clearInterval(timer);
      try {
        await change(0);
      } catch (error) {
        // It will reappear on its own once the timeout runs out: late, but not lost.
        log.warn('could not release message', { error: describeError(error) });
      }
    },
  };
}
