import type { Rule, RuleAction } from '@opsworker/shared';
import type { SlackMessage } from './block-types.ts';
import { escapeMrkdwn } from './investigation-links.ts';
import { fallbackText, section, withinLimits } from './limits.ts';

const ACTION_LABEL: Record<RuleAction, string> = {
  investigate: ':mag: investigate',
  notify: ':bell: notify',
  ignore: ':zzz: ignore',
};

/** `/opsworker rules`: the rules in the order they are tried (the first match decides). */
export function buildRulesList(rules: Rule[]): SlackMessage {
  if (rules.length === 0) {
    return { text: 'No rules.', blocks: [section('*No rules.* Every alert follows the defaults.')] };
  }
  const sorted = [...rules].sort((a, b) => a.priority - b.priority);
  const lines = sorted.map((rule) => {
    const state = rule.enabled ? '' : ' _(disabled)_';
    const cooldown = rule.cooldownMinutes ? ` · cooldown ${rule.cooldownMinutes} min` : '';
    const channel = rule.slackChannel ? ` · ${escapeMrkdwn(rule.slackChannel)}` : '';
    const description = rule.description ? `\n   ${escapeMrkdwn(rule.description)}` : '';
    return `\`${rule.priority}\` *${escapeMrkdwn(rule.name)}*${state} → ${ACTION_LABEL[rule.action]}${cooldown}${channel}${description}`;
  });
  return {
    text: fallbackText(`${rules.length} rules`),
    blocks: withinLimits([
      section(`*${rules.length} rule${rules.length === 1 ? '' : 's'}* (first match decides)`),
      ...lines.map((line) => section(line)),
    ]),
  };
}
