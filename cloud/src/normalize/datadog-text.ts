/** Datadog's notification transitions, as `$ALERT_TRANSITION` and title prefixes spell them. */
const TRANSITION =
  /^(Triggered|Re-Triggered|Recovered|Warn|Re-Warn|No Data|Re-No Data|Renotify)(?: on \{(.*)\})?$/;
const PRIORITY = /^P[1-5]$/;
const LEADING_BRACKET = /^\[([^\]]*)\]\s*/;

/** What Datadog packs into an event title such as `[P2] [Triggered on {service:api}] Error rate`. */
export interface DatadogTitle {
  /** The monitor's name, without the prefixes. */
  name: string;
  transition?: string;
  priority?: string;
  /** The group the notification is for, e.g. `service:api,env:prod`. */
  scope?: string;
}

/** Splits a Datadog event title into the monitor name and its transition, priority and group. */
export function parseDatadogTitle(title: string): DatadogTitle {
  const parsed: DatadogTitle = { name: title };
  let rest = title.trim();
  for (let match = LEADING_BRACKET.exec(rest); match; match = LEADING_BRACKET.exec(rest)) {
    const inner = match[1] ?? '';
    const transition = TRANSITION.exec(inner);
    if (transition) {
      parsed.transition = transition[1];
      if (transition[2]) parsed.scope = transition[2];
    } else if (PRIORITY.test(inner)) {
      parsed.priority = inner;
    } else {
      break; // `[TEST]` and the like belong to the name
    }
    rest = rest.slice(match[0].length);
  }
  parsed.name = rest;
  return parsed;
}

/**
 * Datadog tags (`$TAGS`, `$ALERT_SCOPE`) as labels: `key:value` splits on the first colon,
 * a bare tag becomes a label with an empty value, repeated keys keep every value.
 * Accepts the comma-separated string Datadog sends or an array from a custom payload.
 */
export function parseDatadogTags(tags: string | readonly string[] | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  const list = typeof tags === 'string' ? tags.split(',') : (tags ?? []);
  for (const raw of list) {
    const tag = raw.trim();
    if (tag === '' || tag === '*') continue;
    const colon = tag.indexOf(':');
    const key = colon === -1 ? tag : tag.slice(0, colon);
    if (key === '__proto__') continue;
    const value = colon === -1 ? '' : tag.slice(colon + 1);
    const previous = labels[key];
    labels[key] = previous === undefined || previous === value ? value : `${previous},${value}`;
  }
  return labels;
}

/** A scope string in a canonical order, so `b:2,a:1` and `a:1,b:2` identify the same group. */
export function canonicalScope(scope: string | undefined): string {
  if (!scope) return '';
  return scope
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .sort()
    .join(',');
}

const MENTION_LINE = /^\s*(@[\w.+-]+\s*)+$/;
const FOOTER_LINK = /\[\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)\]/g;

/** The `- - -` rule Datadog puts before the footer links, which become the alert's links instead. */
const FOOTER = /\n- - -\n\s*\[\[[\s\S]*$/;

/**
 * The readable part of a Datadog `$EVENT_MSG`: without the `%%%` markdown fences, the footer
 * links and the lines that only @-mention notification handles (routing, not content).
 */
export function datadogMessageText(body: string | undefined): string {
  if (!body) return '';
  return body
    .replace(/^\s*%%%\s*/, '')
    .replace(/\s*%%%\s*$/, '')
    .replace(FOOTER, '')
    .split('\n')
    .filter((line) => !MENTION_LINE.test(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The `[[Monitor Status](…)] · [[Edit Monitor](…)]` footer links of a Datadog message. */
export function datadogFooterLinks(body: string | undefined): Array<{ title: string; url: string }> {
  if (!body) return [];
  return [...body.matchAll(FOOTER_LINK)].map((match) => ({
    title: match[1] ?? 'Datadog',
    url: match[2] ?? '',
  }));
}

/** The monitor id in a Datadog monitor link (`/monitors/123` or the older `/monitors#123`). */
export function monitorIdFromText(text: string | undefined): string | undefined {
  return text ? /\/monitors(?:\/|#)(\d+)/.exec(text)?.[1] : undefined;
}
