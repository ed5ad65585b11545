import { z } from 'zod';
import type { ListenerDeps } from '../app/listener-deps.ts';
import { NotifierThreads } from '../app/notifier-threads.ts';
import { registerListeners } from '../app/register-listeners.ts';
import type { SlackLog } from '../app/slack-log.ts';
import { sendDigest } from '../digest/send-digest.ts';
import { DirectReceiver } from './direct-receiver.ts';
import { lambdaBoltApp } from './lambda-bolt-app.ts';
import { containerSlackParts, type SlackLambdaParts } from './slack-container.ts';

const SlackWorkPayload = z.object({ version: z.literal(1), body: z.record(z.string(), z.unknown()) });

export type SlackAsyncHandler = (event: unknown) => Promise<{ handled: boolean }>;

/** Slack's listener log on stderr (CloudWatch); never a token or a message body. */
export function lambdaSlackLog(
  write: (line: string) => void = (line) => process.stderr.write(line),
): SlackLog {
  const line = (level: string, message: string) => write(`${level} ${message}\n`);
  return {
    debug: () => {},
    info: (message) => line('INFO', message),
    warn: (message) => line('WARN', message),
    error: (message, error) => line('ERROR', `${message}${error instanceof Error ? `: ${error.name}` : ''}`),
  };
}

/**
 * The slow half of the Slack app, invoked asynchronously by the events function with the
 * verified request body: runs the same listeners as the local bot (commands, mentions, thread
 * questions, buttons, modals) against the OpsWorker HTTP API, and answers in Slack. Lambda
 * retries a failed invocation on its own.
 */
export function createSlackAsyncHandler(
  parts: () => Promise<SlackLambdaParts>,
  options: { fetch?: typeof fetch; log?: SlackLog } = {},
): SlackAsyncHandler {
  let receiver: DirectReceiver | undefined;
  return async (event) => {
    const work = SlackWorkPayload.safeParse(event);
    if (!work.success) return { handled: false };
    const p = await parts();
    receiver ??= build(p, options);
    await receiver.dispatch(work.data);
    return { handled: true };
  };
}

function build(parts: SlackLambdaParts, options: { fetch?: typeof fetch; log?: SlackLog }): DirectReceiver {
  const { config, notifier } = parts;
  const log = options.log ?? lambdaSlackLog();
  const receiver = new DirectReceiver(options.fetch);
  const app = lambdaBoltApp(config, receiver, log);
  const deps: ListenerDeps = {
    api: notifier.api,
    replyMode: config.slack.replyMode,
    portalUrl: config.publicUrl,
    // Delivered before the invocation ends: a frozen container would hold the work until the next one.
    threads: new NotifierThreads(notifier, { settleMs: 20_000 }),
    digest: {
      async postDigest(channel, threadTs) {
        await sendDigest({
          api: notifier.api,
          delivery: notifier.delivery,
          channel,
          now: new Date(),
          links: { publicUrl: config.publicUrl },
          threadTs,
        });
        await notifier.idle(20_000).catch(() => {});
      },
    },
    log,
  };
  registerListeners(app, deps);
  return receiver;
}

export const handler: SlackAsyncHandler = createSlackAsyncHandler(containerSlackParts);
