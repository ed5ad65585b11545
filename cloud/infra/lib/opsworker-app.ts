import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type InfraConfig, readInfraConfig } from './infra-config.ts';
import { OpsworkerStack } from './opsworker-stack.ts';

export interface BuildOptions {
  /** Where Lambda entries are looked up (tests point elsewhere); the repository by default. */
  repoRoot?: string;
}

/**
 * Adds the OpsWorker stack, configured from the app's CDK context, and cdk-nag's AwsSolutions
 * checks: any finding not acknowledged (with its reason) in nag-suppressions.ts fails the synth.
 */
export function buildOpsworkerApp(
  app: App,
  options: BuildOptions = {},
): { stack: OpsworkerStack; config: InfraConfig } {
  const config = readInfraConfig((key) => app.node.tryGetContext(key));
  const stack = new OpsworkerStack(app, config.stackName, {
    config,
    ...(options.repoRoot ? { repoRoot: options.repoRoot } : {}),
    // Environment-agnostic unless the CLI resolved an account and region, as `cdk deploy` does.
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    description: 'OpsWorker: AI SRE for Kubernetes (serverless backend, Slack app, portal, agent queues)',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { stack, config };
}
