import { type Message, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { AgentExecutor } from '../executor/agent-executor.ts';
import { type ClusterIdentityProvider, startHeartbeat } from '../heartbeat.ts';
import { DEFAULT_RESPONSE_LIMITS, encodeHeartbeat, type ResponseLimits } from './message-codec-response.ts';
import { describeError, jsonLinesLog, type TransportLog } from './sqs-log.ts';
import { createRequestHandler } from './sqs-request-handler.ts';
import { sendMessages } from './sqs-send.ts';
import { holdVisibility, type VisibilityLease } from './sqs-visibility-lease.ts';
import { createWakeup, sleep } from './sqs-wakeup.ts';

export interface SqsAgentOptions {
  sqs: SQSClient;
  requestQueueUrl: string;
  responseQueueUrl: string;
  /** Heartbeats go here when set, otherwise to the response queue. */
  heartbeatQueueUrl?: string;
  /** The agent core; idempotent on the request id, which makes redeliveries safe. */
  executor: AgentExecutor;
  /** Read for every heartbeat. */
  cluster: ClusterIdentityProvider;
  agentVersion: string;
  /** Resolving `runSqsAgent` after a drain is the only way it stops. */
  signal: AbortSignal;
  heartbeatIntervalMs?: number;
  /** Requests executed at once. */
  concurrency?: number;
  /** Long-poll length; also how long a drain may wait for a poll already in progress. */
  waitTimeSeconds?: number;
  /** Received messages stay invisible this long and are extended while they are worked on. */
  visibilityTimeoutSeconds?: number;
  responseLimits?: ResponseLimits;
  /** Called once, after the first poll of the request queue succeeded. */
  onReady?: () => void;
  log?: TransportLog;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * The agent's side of the SQS transport: long-polls the request queue and answers every request
 * on the response queue, outbound connections only. On abort it stops polling, finishes what it
 * started (answers included), makes received-but-unstarted messages visible again, stops the
 * heartbeat and resolves. A poll in progress is not cut off: SQS may already have handed it
 * messages, which would then stay invisible until their timeout; it ends within `waitTimeSeconds`.
 */
export async function runSqsAgent(options: SqsAgentOptions): Promise<void> {
  const { sqs, requestQueueUrl, signal } = options;
  const concurrency = options.concurrency ?? 4;
  const visibilityTimeoutSeconds = options.visibilityTimeoutSeconds ?? 30;
  const log = options.log ?? jsonLinesLog();
  const handle = createRequestHandler({
    sqs,
    requestQueueUrl,
    responseQueueUrl: options.responseQueueUrl,
    executor: options.executor,
    limits: options.responseLimits ?? DEFAULT_RESPONSE_LIMITS,
    log,
  });
  const heartbeatQueueUrl = options.heartbeatQueueUrl ?? options.responseQueueUrl;
  const heartbeat = startHeartbeat({
    identity: options.cluster,
    agentVersion: options.agentVersion,
    intervalMs: options.heartbeatIntervalMs ?? 60_000,
    publish: (beat) => sendMessages(sqs, heartbeatQueueUrl, [encodeHeartbeat(beat)]),
    log,
  });

  const waiting: Array<{ message: Message; lease: VisibilityLease }> = [];
  const running = new Set<Promise<void>>();
  const wakeup = createWakeup(signal);

  function startWaiting(): void {
    while (!signal.aborted && waiting.length > 0 && running.size < concurrency) {
      const next = waiting.shift()!;
      const task: Promise<void> = handle(next.message, next.lease).finally(() => {
        running.delete(task);
        startWaiting();
        wakeup.notify();
      });
      running.add(task);
    }
  }

  let ready = false;
  let backoffMs = 0;
  while (!signal.aborted) {
    if (waiting.length > 0 || running.size >= concurrency) {
      await wakeup.wait();
      continue;
    }
    let messages: Message[];
    try {
      const received = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: requestQueueUrl,
          MaxNumberOfMessages: 10,
          // The first poll returns at once: readiness should not wait for a quiet queue.
          WaitTimeSeconds: ready ? (options.waitTimeSeconds ?? 20) : 0,
          VisibilityTimeout: visibilityTimeoutSeconds,
          MessageAttributeNames: ['All'],
        }),
      );
      messages = received.Messages ?? [];
    } catch (error) {
      backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(500, backoffMs * 2));
      log.warn('polling the request queue failed', { error: describeError(error), retryInMs: backoffMs });
      await sleep(backoffMs, signal);
      continue;
    }
    backoffMs = 0;
    if (!ready) {
      ready = true;
      options.onReady?.();
    }
    for (const message of messages) {
      if (message.ReceiptHandle === undefined) continue;
      const lease = holdVisibility({
        sqs,
        queueUrl: requestQueueUrl,
        receiptHandle: message.ReceiptHandle,
        visibilityTimeoutSeconds,
        log,
      });
      waiting.push({ message, lease });
    }
    startWaiting();
  }

  const unstarted = waiting.splice(0);
  log.info('draining', { inFlight: running.size, released: unstarted.length });
  await Promise.all([...unstarted.map(({ lease }) => lease.release()), ...running]);
  await heartbeat.stop();
}
