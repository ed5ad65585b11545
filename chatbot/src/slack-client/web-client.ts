import { LogLevel, WebClient, type WebClientOptions } from '@slack/web-api';

/**
 * Options for every Slack Web API client OpsWorker makes: the base URL (`SLACK_API_URL`, a
 * local fake in tests) and quiet logs. Bolt's App takes these as `clientOptions`; its
 * listeners answer people who are waiting, so 429 (after Retry-After) and 5xx are retried for
 * a minute at most rather than the client's default half hour.
 */
export function slackClientOptions(apiUrl: string | undefined): WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    logLevel: LogLevel.ERROR,
    retryConfig: { retries: 10, factor: 1.96, maxRetryTime: 60_000 },
  };
}

/**
 * The client the delivery loop uses. It never retries by itself: a rate-limited or failed call
 * comes straight back to the loop, which keeps the work in the durable outbox and retries it
 * when Slack allows, so nothing waits in memory where a restart would lose it.
 */
export function createDeliveryClient(options: { token: string; apiUrl?: string | undefined }): WebClient {
  return new WebClient(options.token, {
    ...slackClientOptions(options.apiUrl),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
  });
}
