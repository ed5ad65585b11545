/** What to do after a failed Slack call. */
export type RetryDecision =
  | {
      retry: true;
      delayMs: number /** Slack rate-limits per method and workspace: hold every call. */;
      pauseAll: boolean;
      reason: string;
    }
  | { retry: false; reason: string };

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 60_000 };

/** Errors a person fixes in Slack (invite the bot, reinstall the app): keep the work, retry slowly. */
const FIXABLE = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'missing_scope',
]);
/** Slack-side trouble reported in an `ok: false` body. */
const TRANSIENT = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
]);
const FIXABLE_RETRY_MS = 5 * 60_000;

interface SlackErrorShape {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
}

/** Exponential backoff with a little jitter, so many pending items do not retry in lockstep. */
export function backoffMs(attempts: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (1 + Math.random() * 0.2));
}

/** The Slack error code (`channel_not_found`) or a short description; never a token or a body. */
export function describeSlackError(error: unknown): string {
  const shape = error as SlackErrorShape;
  if (shape.data?.error) return shape.data.error;
  if (shape.code === 'slack_webapi_rate_limited_error')
    return `rate limited (Retry-After ${shape.retryAfter}s)`;
  if (shape.code === 'slack_webapi_http_error') return `HTTP ${shape.statusCode}`;
  return error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300);
}

/**
 * 429 → wait exactly Retry-After, pausing all calls; 5xx, network errors and Slack-side
 * errors → exponential backoff; errors a person must fix → retry every few minutes; a message
 * Slack refuses as malformed → give up (retrying cannot help, and it is a bug to log).
 */
export function decideRetry(
  error: unknown,
  attempts: number,
  backoff: BackoffOptions = DEFAULT_BACKOFF,
): RetryDecision {
  const shape = error as SlackErrorShape;
  const reason = describeSlackError(error);
  if (shape.code === 'slack_webapi_rate_limited_error' && typeof shape.retryAfter === 'number') {
    return { retry: true, delayMs: shape.retryAfter * 1000, pauseAll: true, reason };
  }
  if (shape.code === 'slack_webapi_platform_error') {
    const code = shape.data?.error ?? '';
    if (TRANSIENT.has(code))
      return { retry: true, delayMs: backoffMs(attempts, backoff), pauseAll: false, reason };
    if (FIXABLE.has(code)) return { retry: true, delayMs: FIXABLE_RETRY_MS, pauseAll: false, reason };
    return { retry: false, reason };
  }
  return { retry: true, delayMs: backoffMs(attempts, backoff), pauseAll: false, reason };
}
