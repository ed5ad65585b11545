import { ConfigError } from '@opsworker/shared';
import { z } from 'zod';

/**
 * Where an investigation's message goes: the first route that matches wins, then the default
 * channel. `rule` matches the id or the name of the rule that decided to investigate.
 */
export interface SlackRoute {
  match: { namespace: string } | { rule: string };
  channel: string;
}

export type SlackReplyMode = 'mention' | 'all';

/** How Slack reaches the bot: a WebSocket it opens (no public URL), or signed HTTP requests. */
export type SlackConnection = { mode: 'socket'; appToken: string } | { mode: 'http'; signingSecret: string };

export interface SlackConfig {
  botToken: string;
  connection: SlackConnection;
  /** The Web API base URL, ending with `/` (a local fake in tests). Absent: slack.com. */
  apiUrl: string | undefined;
  /** Where investigations go when no route matches; absent: only routed ones are posted. */
  defaultChannel: string | undefined;
  routes: SlackRoute[];
  /** `mention`: only replies that mention the bot are questions; `all`: every reply in an investigation's thread. */
  replyMode: SlackReplyMode;
  /** The daily digest's time of day, UTC; undefined when turned off (`off`). */
  digestTime: { hour: number; minute: number } | undefined;
}

export type SlackConfigResult = { configured: true; config: SlackConfig } | { configured: false };

/** A channel id (C…, G…, D…) or a `#name`. */
const Channel = z
  .string()
  .trim()
  .regex(/^(#[a-z0-9][a-z0-9._-]{0,79}|[CGD][A-Z0-9]{6,})$/, 'must be a channel id (C0123ABCD) or #name');

const ROUTE_KINDS = ['namespace', 'rule'] as const;

const Env = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-[\x21-\x7e]+$/, 'must be a bot token (xoxb-…)')
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-[\x21-\x7e]+$/, 'must be an app-level token (xapp-…)')
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[\x21-\x7e]{16,128}$/, 'must be the 16+ character signing secret from Basic Information')
    .optional(),
  SLACK_API_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  OPSWORKER_SLACK_CHANNEL: Channel.optional(),
  OPSWORKER_SLACK_ROUTES: z.string().max(10_000).optional(),
  OPSWORKER_SLACK_REPLY_MODE: z
    .enum(['mention', 'all'], { message: 'must be mention or all' })
    .default('mention'),
  OPSWORKER_DIGEST_TIME: z
    .string()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, 'must be HH:MM (UTC, 24-hour) or off')
    .default('09:00'),
});

/**
 * Reads `OPSWORKER_SLACK_ROUTES`: comma-separated `namespace:<ns>=<channel>` or
 * `rule:<rule id or name>=<channel>`, e.g. `namespace:payments=#payments-oncall,rule:Critical pages=C0123ABCD`.
 */
export function parseSlackRoutes(text: string): { routes: SlackRoute[]; problems: string[] } {
  const routes: SlackRoute[] = [];
  const problems: string[] = [];
  for (const entry of text.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const match = /^(\w+):([^=]+)=(.+)$/.exec(entry);
    const kind = match?.[1] as (typeof ROUTE_KINDS)[number] | undefined;
    if (!match || !kind || !ROUTE_KINDS.includes(kind)) {
      problems.push(`"${entry}" is not namespace:<name>=<channel> or rule:<id or name>=<channel>`);
      continue;
    }
    const channel = Channel.safeParse(match[3]);
    if (!channel.success) {
      problems.push(`"${entry}": the channel ${channel.error.issues[0]?.message ?? 'is invalid'}`);
      continue;
    }
    const value = match[2]!.trim();
    routes.push({
      match: kind === 'namespace' ? { namespace: value } : { rule: value },
      channel: channel.data,
    });
  }
  return { routes, problems };
}

/**
 * The Slack bot's configuration, read from the environment once. Slack is configured when
 * SLACK_BOT_TOKEN is set with SLACK_APP_TOKEN (Socket Mode, preferred when both are set) or
 * SLACK_SIGNING_SECRET (HTTP on `/slack/events`). No Slack variable at all: not configured.
 * Anything half-set or malformed throws one ConfigError listing every problem by variable.
 */
export function loadSlackConfig(env: NodeJS.ProcessEnv = process.env): SlackConfigResult {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = Env.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const e = parsed.success ? parsed.data : undefined;

  const slackSet = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'].some(
    (name) => present[name],
  );
  if (!slackSet && problems.length === 0) return { configured: false };

  if (!present.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN: is required once any Slack variable is set');
  if (!present.SLACK_APP_TOKEN && !present.SLACK_SIGNING_SECRET)
    problems.push(
      'SLACK_APP_TOKEN or SLACK_SIGNING_SECRET: set one (app token: Socket Mode; signing secret: HTTP on /slack/events)',
    );
  const routes = parseSlackRoutes(present.OPSWORKER_SLACK_ROUTES ?? '');
  problems.push(...routes.problems.map((problem) => `OPSWORKER_SLACK_ROUTES: ${problem}`));

  if (problems.length > 0 || !e?.SLACK_BOT_TOKEN) {
    throw new ConfigError(`Invalid Slack configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const connection: SlackConnection = e.SLACK_APP_TOKEN
    ? { mode: 'socket', appToken: e.SLACK_APP_TOKEN }
    : { mode: 'http', signingSecret: e.SLACK_SIGNING_SECRET! };
  const [hour, minute] = e.OPSWORKER_DIGEST_TIME.split(':').map(Number);
  return {
    configured: true,
    config: {
      botToken: e.SLACK_BOT_TOKEN,
      connection,
      apiUrl: e.SLACK_API_URL ? e.SLACK_API_URL.replace(/\/?$/, '/') : undefined,
      defaultChannel: e.OPSWORKER_SLACK_CHANNEL,
      routes: routes.routes,
      replyMode: e.OPSWORKER_SLACK_REPLY_MODE,
      digestTime: e.OPSWORKER_DIGEST_TIME === 'off' ? undefined : { hour: hour ?? 9, minute: minute ?? 0 },
    },
  };
}
