import type { RemovalPolicy } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LAMBDA_ENTRIES, type LambdaName } from './lambda-entries.ts';
import { OpsworkerFunction } from './opsworker-function.ts';

export interface OpsworkerFunctionsProps {
  repoRoot: string;
  /** Environment of the backend functions (http, worker, agent registration, digest). */
  backendEnvironment: Record<string, string>;
  /** Environment of the Slack functions (slack events, slack async, notifier). */
  slackEnvironment: Record<string, string>;
  logRetention: RetentionDays;
  logRemovalPolicy: RemovalPolicy;
}

const SLACK_FUNCTIONS: ReadonlySet<LambdaName> = new Set(['slackEvents', 'slackAsync', 'notifier']);

/** One function per entry of LAMBDA_ENTRIES, each with only its side's configuration. */
export class OpsworkerFunctions extends Construct {
  readonly byName: Record<LambdaName, LambdaFunction>;

  constructor(scope: Construct, id: string, props: OpsworkerFunctionsProps) {
    super(scope, id);
    const names = Object.keys(LAMBDA_ENTRIES) as LambdaName[];
    this.byName = Object.fromEntries(
      names.map((name) => {
        const created = new OpsworkerFunction(this, pascal(name), {
          spec: LAMBDA_ENTRIES[name],
          repoRoot: props.repoRoot,
          environment: SLACK_FUNCTIONS.has(name) ? props.slackEnvironment : props.backendEnvironment,
          logRetention: props.logRetention,
          logRemovalPolicy: props.logRemovalPolicy,
        });
        return [name, created.function];
      }),
    ) as Record<LambdaName, LambdaFunction>;
  }
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
