import type { ListenerDeps } from '../../app/listener-deps.ts';
import { investigationAction } from './investigation-action.ts';

/** Acknowledge: someone on call has taken it; the message says who. */
export function acknowledgeAction(deps: ListenerDeps) {
  return investigationAction(deps, 'acknowledging the investigation', async (click) => {
    await deps.api.acknowledge(click.investigationId, click.userName);
    await deps.threads.refresh(click.investigationId);
  });
}
