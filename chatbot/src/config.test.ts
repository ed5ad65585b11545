import { ConfigError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { loadSlackConfig, parseSlackRoutes } from './config.ts';

const BOT = 'xoxb-1-2-abc';
const APP = 'xapp-1-A1-abc';
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

const problemsOf = (env: Record<string, string>): string => {
  try {
    loadSlackConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.userMessage;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadSlackConfig', () => {
  describe('when no Slack variable is set', () => {
    it('reports Slack as not configured, so the server starts without the bot', () => {
      expect(loadSlackConfig({ OPSWORKER_PORT: '8080', SLACK_BOT_TOKEN: '' })).toEqual({ configured: false });
    });
  });

  describe('when the bot token comes with an app token', () => {
    it('uses Socket Mode with the defaults', () => {
      const result = loadSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP });
      expect(result).toEqual({
        configured: true,
        config: {
          botToken: BOT,
          connection: { mode: 'socket', appToken: APP },
          apiUrl: undefined,
          defaultChannel: undefined,
          routes: [],
          replyMode: 'mention',
          digestTime: { hour: 9, minute: 0 },
        },
      });
    });
  });

  describe('when the bot token comes with a signing secret', () => {
    it('uses HTTP and reads every optional setting', () => {
      const result = loadSlackConfig({
        SLACK_BOT_TOKEN: BOT,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: 'http://127.0.0.1:4000/api',
        OPSWORKER_SLACK_CHANNEL: '#incidents',
        OPSWORKER_SLACK_ROUTES: 'namespace:payments=#payments-oncall, rule:Critical pages=C0123ABCD',
        OPSWORKER_SLACK_REPLY_MODE: 'all',
        OPSWORKER_DIGEST_TIME: '07:30',
      });
      expect(result.configured && result.config).toMatchObject({
        connection: { mode: 'http', signingSecret: SECRET },
        apiUrl: 'http://127.0.0.1:4000/api/',
        defaultChannel: '#incidents',
        routes: [
          { match: { namespace: 'payments' }, channel: '#payments-oncall' },
          { match: { rule: 'Critical pages' }, channel: 'C0123ABCD' },
        ],
        replyMode: 'all',
        digestTime: { hour: 7, minute: 30 },
      });
    });

    it('turns the digest off with OPSWORKER_DIGEST_TIME=off', () => {
      const result = loadSlackConfig({
        SLACK_BOT_TOKEN: BOT,
        SLACK_SIGNING_SECRET: SECRET,
        OPSWORKER_DIGEST_TIME: 'off',
      });
      expect(result.configured && result.config.digestTime).toBeUndefined();
    });
  });

  describe('when the configuration is half-set or malformed', () => {
    it('names every problem at once, by variable', () => {
      const message = problemsOf({
        SLACK_APP_TOKEN: 'xoxb-not-an-app-token',
        OPSWORKER_SLACK_REPLY_MODE: 'sometimes',
        OPSWORKER_DIGEST_TIME: '25:00',
        OPSWORKER_SLACK_ROUTES: 'team:x=#y',
      });
      expect(message).toContain('SLACK_APP_TOKEN: must be an app-level token');
      expect(message).toContain('SLACK_BOT_TOKEN: is required');
      expect(message).toContain('OPSWORKER_SLACK_REPLY_MODE: must be mention or all');
      expect(message).toContain('OPSWORKER_DIGEST_TIME: must be HH:MM');
      expect(message).toContain('OPSWORKER_SLACK_ROUTES: "team:x=#y" is not');
    });

    it('asks for an app token or a signing secret when only the bot token is set', () => {
      expect(problemsOf({ SLACK_BOT_TOKEN: BOT })).toContain(
        'SLACK_APP_TOKEN or SLACK_SIGNING_SECRET: set one',
      );
    });

    it('never echoes a token value in the message', () => {
      expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxp-user-token-HUSH42' })).not.toContain('HUSH42');
    });
  });
});

describe('parseSlackRoutes', () => {
  it.each([
    ['namespace:shop=#shop', [{ match: { namespace: 'shop' }, channel: '#shop' }], []],
    ['', [], []],
    [
      'namespace:shop=not a channel',
      [],
      ['"namespace:shop=not a channel": the channel must be a channel id'],
    ],
    ['shop=#shop', [], ['"shop=#shop" is not namespace:<name>=<channel> or rule:<id or name>=<channel>']],
  ])('%j', (text, routes, problems) => {
    const result = parseSlackRoutes(text);
    expect(result.routes).toEqual(routes);
    expect(result.problems.map((p) => p.slice(0, problems[0]?.length ?? 0))).toEqual(problems);
  });
});
