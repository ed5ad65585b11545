import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  type HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface OpsworkerHttpApiProps {
  /** Webhooks, REST API, live events, health: the same Hono app as the local server. */
  app: IFunction;
  /** Slack's Events API, slash commands and interactivity (Bolt's Lambda receiver). */
  slack: IFunction;
  /** Browser origins allowed to call the API (the portal). */
  allowedOrigins: string[];
  logRetention: RetentionDays;
}

/** The routes, as paths API Gateway matches; everything else is a 404 from API Gateway itself. */
export const APP_ROUTES = ['/webhooks/{proxy+}', '/api/{proxy+}', '/healthz', '/metrics'] as const;
export const SLACK_ROUTE = '/slack/events';

/**
 * The HTTP API (API Gateway v2) in front of the functions. Authentication is the app's own
 * (per-organization webhook and API tokens, Slack request signatures), so routes have no
 * API Gateway authorizer; throttling caps what a flood of requests can cost.
 */
export class OpsworkerHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly url: string;

  constructor(scope: Construct, id: string, props: OpsworkerHttpApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      description: 'OpsWorker: webhooks, REST API, live events, Slack',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.allowedOrigins,
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.DELETE],
        allowHeaders: ['authorization', 'content-type', 'last-event-id'],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            // The route, not the raw path: paths carry webhook tokens, which must not reach the logs.
            route: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    // The $default stage is served at the API's own endpoint (no stage path, no trailing slash).
    this.url = this.api.apiEndpoint;

    const app = new HttpLambdaIntegration('App', props.app);
    for (const path of APP_ROUTES) this.api.addRoutes({ path, methods: [HttpMethod.ANY], integration: app });
    this.api.addRoutes({
      path: SLACK_ROUTE,
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('Slack', props.slack),
    });
  }
}
