import type { Context } from 'aws-lambda';
import { type APIGatewayProxyResult, handle, type LambdaEvent } from 'hono/aws-lambda';
import { type CloudComposition, createCloudComposition } from './cloud-composition.ts';
import { cloudConfig } from './config.ts';
import { perContainer } from './container.ts';

/** API Gateway's HTTP API event (v2) in, its response out; hono's own types of both. */
export type HttpHandler = (event: LambdaEvent, context?: Context) => Promise<APIGatewayProxyResult>;

/**
 * API Gateway (HTTP API, payload v2) → the same Hono app as the local server: webhooks, the REST
 * API and live events (as short bursts: see polled-event-routes.ts). What the request published
 * is sent to SNS before the response goes back, because the container is frozen after it.
 */
export function createHttpHandler(composition: () => Promise<CloudComposition>): HttpHandler {
  let serve: ReturnType<typeof handle> | undefined;
  return async (event, context) => {
    const parts = await composition();
    serve ??= handle(parts.httpApp());
    try {
      return await serve(event, context as never);
    } finally {
      await parts.flush();
    }
  };
}

export const handler: HttpHandler = createHttpHandler(
  perContainer(() => createCloudComposition(cloudConfig())),
);
