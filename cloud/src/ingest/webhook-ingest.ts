import { ALERT_SOURCES, type AlertSource, OpsWorkerError, ValidationError } from '@opsworker/shared';
import { errorOutcome } from '../http/error-outcome.ts';
import { HttpError } from '../http/http-error.ts';
import { type BodySource, readJsonBody } from '../http/read-json-body.ts';
import type { OpsWorkerMetrics } from '../metrics/opsworker-metrics.ts';
import { confirmSnsSubscription, normalize } from '../normalize/index.ts';
import type { SnsOptions } from '../normalize/types.ts';
import type { TokenAuthenticator } from '../orgs/token-authenticator.ts';
import type { AlertPipeline } from './alert-pipeline.ts';

export interface WebhookIngestDeps {
  authenticator: TokenAuthenticator;
  /** Where accepted deliveries go: the local journaled pipeline, or the cloud's direct ingest. */
  pipeline: Pick<AlertPipeline, 'accept'>;
  metrics: OpsWorkerMetrics;
  sns: SnsOptions & { fetch: typeof fetch };
  log?: (message: string, error: unknown) => void;
}

export interface WebhookRequest {
  source: string;
  /** From `Authorization: Bearer`, or the last path segment. */
  token: string | undefined;
  body: BodySource;
}

export interface WebhookOutcome {
  status: number;
  body: unknown;
}

function isSource(value: string): value is AlertSource {
  return (ALERT_SOURCES as readonly string[]).includes(value);
}

/**
 * One webhook delivery, framework-free so every server shape (Hono route, the local server's
 * native fast path, a Lambda) runs the same steps: source and token are checked before the
 * body is read; the body is parsed and normalized; only a wholly valid delivery is journaled
 * and acknowledged with 202. Throws HttpError/ValidationError for the caller to map.
 */
export class WebhookIngest {
  readonly #deps: WebhookIngestDeps;

  constructor(deps: WebhookIngestDeps) {
    this.#deps = deps;
  }

  async handle(request: WebhookRequest): Promise<WebhookOutcome> {
    const { source } = request;
    if (!isSource(source)) {
      throw new HttpError(
        404,
        'unknown_source',
        `Unknown alert source "${source}". Use one of: ${ALERT_SOURCES.join(', ')}.`,
      );
    }
    try {
      return await this.#handle(source, request);
    } catch (error) {
      // The status the sender gets, from the same mapping the HTTP layer answers with.
      const { status } = errorOutcome(error, () => {}, `webhook ${source}`);
      this.#deps.metrics.webhookRejected.inc({ source, status: String(status) });
      throw error;
    }
  }

  async #handle(source: AlertSource, request: WebhookRequest): Promise<WebhookOutcome> {
    const orgId = await this.#deps.authenticator.authenticate(request.token, 'webhook');
    if (!orgId) {
      throw new HttpError(
        401,
        'unauthorized',
        request.token
          ? 'The webhook token is not valid.'
          : 'A webhook token is required: send "Authorization: Bearer <token>".',
      );
    }
    const body = await readJsonBody(request.body);
    const receivedAt = new Date();
    const result = await this.#normalize(source, body.value, receivedAt);
    if (result.kind === 'sns_subscription') {
      if (result.type === 'SubscriptionConfirmation') await this.#confirm(result.subscribeUrl);
      const subscription = result.type === 'SubscriptionConfirmation' ? 'confirmed' : 'unsubscribed';
      return { status: 200, body: { subscription, topicArn: result.topicArn } };
    }
    if (result.kind === 'ignored') return { status: 202, body: { accepted: 0, ignored: result.reason } };
    const receipt = await this.#deps.pipeline.accept(orgId, source, result.alerts, body.bytes, receivedAt);
    return { status: 202, body: receipt };
  }

  /**
   * Normalizers validate every field they read, so an unexpected exception means a payload
   * shape they did not foresee: the sender still gets a 400 (it is about their payload, and
   * nothing was stored), and the bug goes to the log to be fixed.
   */
  async #normalize(source: AlertSource, value: unknown, receivedAt: Date) {
    try {
      return await normalize(source, value, { receivedAt, sns: this.#deps.sns });
    } catch (error) {
      if (error instanceof OpsWorkerError) throw error;
      this.#deps.log?.(`the ${source} normalizer failed on a payload`, error);
      throw new ValidationError(`${source} payload: could not be read`, { cause: error });
    }
  }

  async #confirm(subscribeUrl: string): Promise<void> {
    try {
      await confirmSnsSubscription(subscribeUrl, this.#deps.sns.fetch);
    } catch (error) {
      if (error instanceof OpsWorkerError) throw error;
      throw new HttpError(
        502,
        'subscription_not_confirmed',
        'Could not confirm the SNS subscription with AWS; SNS will retry.',
        {
          cause: error,
        },
      );
    }
  }
}
