import { ALERT_SOURCES, type AlertSource } from '@opsworker/shared';
import { Hono } from 'hono';
import type { AlertPipeline } from '../../ingest/alert-pipeline.ts';
import type { OpsWorkerMetrics } from '../../metrics/opsworker-metrics.ts';
import { confirmSnsSubscription, normalize } from '../../normalize/index.ts';
import type { SnsOptions } from '../../normalize/types.ts';
import type { TokenAuthenticator } from '../../orgs/token-authenticator.ts';
import type { AppEnv } from '../app-env.ts';
import { requireToken } from '../auth.ts';
import { HttpError } from '../http-error.ts';
import { readJsonBody } from '../read-json-body.ts';

export interface WebhookRouteDeps {
  authenticator: TokenAuthenticator;
  pipeline: AlertPipeline;
  metrics: OpsWorkerMetrics;
  sns: SnsOptions & { fetch: typeof fetch };
}

function isSource(value: string): value is AlertSource {
  return (ALERT_SOURCES as readonly string[]).includes(value);
}

/**
 * `POST /webhooks/{source}[/{token}]`: checks the source and the token before reading the body,
 * normalizes, journals, and answers 202. Nothing is stored unless the whole payload is valid.
 */
export function webhookRoutes(deps: WebhookRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const knownSource: Parameters<typeof app.use>[1] = async (c, next) => {
    const source = c.req.param('source') ?? '';
    if (!isSource(source)) {
      throw new HttpError(
        404,
        'unknown_source',
        `Unknown alert source "${source}". Use one of: ${ALERT_SOURCES.join(', ')}.`,
      );
    }
    await next();
  };

  const handler = requireToken(deps.authenticator, 'webhook');
  for (const path of ['/:source', '/:source/:token']) {
    app.post(path, knownSource, handler, async (c) => {
      const source = c.req.param('source') as AlertSource;
      try {
        const body = await readJsonBody(c);
        const result = await normalize(source, body.value, { receivedAt: new Date(), sns: deps.sns });
        if (result.kind === 'sns_subscription') {
          if (result.type === 'SubscriptionConfirmation') {
            await confirm(result.subscribeUrl, deps.sns.fetch);
          }
          return c.json({
            subscription: result.type === 'SubscriptionConfirmation' ? 'confirmed' : 'unsubscribed',
            topicArn: result.topicArn,
          });
        }
        if (result.kind === 'ignored') return c.json({ accepted: 0, ignored: result.reason }, 202);
        const receipt = deps.pipeline.accept(c.get('orgId'), source, result.alerts, body.text);
        return c.json(receipt, 202);
      } catch (error) {
        deps.metrics.webhookRejected.inc({
          source,
          status: String(error instanceof HttpError ? error.status : 400),
        });
        throw error;
      }
    });
  }
  return app;
}

async function confirm(subscribeUrl: string, fetchImpl: typeof fetch): Promise<void> {
  try {
    await confirmSnsSubscription(subscribeUrl, fetchImpl);
  } catch (error) {
    if (error instanceof HttpError || (error as Error).name === 'ValidationError') throw error;
    throw new HttpError(
      502,
      'subscription_not_confirmed',
      'Could not confirm the SNS subscription with AWS; SNS will retry.',
      { cause: error },
    );
  }
}
