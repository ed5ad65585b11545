import { parseSnsNotification } from './org-event.ts';
import type { RunningSlackNotifier } from './start-notifier.ts';

/**
 * One SNS-delivered message in the cloud: applied to the notifier, then everything it queued is
 * sent before the Lambda returns (what cannot be sent yet stays in the outbox for the next
 * invocation). Returns what it was, for the handler's log; `digest` requests are the caller's.
 */
export async function handleSnsNotification(
  running: Pick<RunningSlackNotifier, 'notifier' | 'idle'>,
  body: string,
  options: { idleTimeoutMs?: number } = {},
): Promise<'applied' | 'digest' | 'ignored'> {
  const notification = parseSnsNotification(body);
  if (!notification) return 'ignored';
  if (notification.kind === 'digest') return 'digest';
  await running.notifier.handle(notification.event);
  await running.idle(options.idleTimeoutMs ?? 10_000).catch(() => {});
  return 'applied';
}
