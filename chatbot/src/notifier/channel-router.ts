import type { Investigation } from '@opsworker/shared';

/** Where an investigation's message goes, as configured (`OPSWORKER_SLACK_ROUTES`). */
export interface ChannelRoute {
  match: { namespace: string } | { rule: string };
  channel: string;
}

export interface ChannelRouterOptions {
  /** `OPSWORKER_SLACK_CHANNEL`: when nothing else matches. Absent: unrouted investigations are not posted. */
  defaultChannel?: string | undefined;
  routes?: ChannelRoute[] | undefined;
  /** The rule behind an alert-triggered investigation (its name and own Slack channel). */
  lookupRule?:
    | ((ruleId: string) => Promise<{ name: string; slackChannel?: string | undefined } | undefined>)
    | undefined;
}

/**
 * The channel for an investigation: the first configured route that matches (the deciding
 * rule's id or name, or the namespace), else the rule's own Slack channel, else the default.
 */
export function createChannelRouter(options: ChannelRouterOptions) {
  const rules = new Map<string, Promise<{ name: string; slackChannel?: string | undefined } | undefined>>();
  const ruleOf = (ruleId: string) => {
    if (!options.lookupRule) return Promise.resolve(undefined);
    let found = rules.get(ruleId);
    if (!found) {
      found = options.lookupRule(ruleId).catch(() => undefined);
      rules.set(ruleId, found);
      // Rules change: forget the answer after a minute.
      setTimeout(() => rules.delete(ruleId), 60_000).unref();
    }
    return found;
  };

  return async function channelFor(investigation: Investigation): Promise<string | undefined> {
    const ruleId = investigation.trigger.type === 'alert' ? investigation.trigger.ruleId : undefined;
    const rule = ruleId ? await ruleOf(ruleId) : undefined;
    for (const route of options.routes ?? []) {
      if ('namespace' in route.match && route.match.namespace === investigation.scope.namespace)
        return route.channel;
      if ('rule' in route.match && ruleId && (route.match.rule === ruleId || route.match.rule === rule?.name))
        return route.channel;
    }
    return rule?.slackChannel || options.defaultChannel;
  };
}
