import { createHmac, randomUUID } from 'node:crypto';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** Slack's signature: `v0=` + HMAC-SHA256(secret, `v0:<timestamp>:<raw body>`). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignOptions {
  secret?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Send this signature instead of the right one. */
  signature?: string;
}

/** The headers and body Slack sends for a request, signed. */
export function signed(body: string, contentType: string, options: SignOptions = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature':
        options.signature ?? slackSignature(options.secret ?? TEST_SIGNING_SECRET, timestamp, body),
    },
    body,
  };
}

/** An Events API callback, JSON as Slack sends it. */
export function eventBody(event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T0FAKETEAM',
    api_app_id: 'A0FAKEAPP',
    type: 'event_callback',
    event_id: `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}

/** A slash command, form-encoded as Slack sends it. */
export function commandBody(text: string, responseUrl: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0FAKETEAM',
    team_domain: 'opsworker-fake',
    channel_id: 'C0INCIDENTS',
    channel_name: 'incidents',
    user_id: 'U0ALICE',
    user_name: 'alice',
    command: '/opsworker',
    text,
    api_app_id: 'A0FAKEAPP',
    response_url: responseUrl,
    trigger_id: `${Date.now()}.trigger`,
    ...extra,
  }).toString();
}

/** A button click (block_actions), form-encoded with its JSON `payload`. */
export function buttonBody(
  actionId: string,
  value: string,
  message: { channel: string; ts: string },
  responseUrl: string,
): string {
  const payload = {
    type: 'block_actions',
    team: { id: 'T0FAKETEAM', domain: 'opsworker-fake' },
    user: { id: 'U0BOB', username: 'bob', name: 'bob', team_id: 'T0FAKETEAM' },
    api_app_id: 'A0FAKEAPP',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    trigger_id: `${Date.now()}.trigger`,
    channel: { id: message.channel, name: 'incidents' },
    message: { type: 'message', ts: message.ts, text: 'investigation', user: 'U0FAKEBOT' },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'actions',
        value,
        text: { type: 'plain_text', text: actionId },
        action_ts: String(Date.now() / 1000),
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';
