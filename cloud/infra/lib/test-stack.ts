import { App } from 'aws-cdk-lib';
import { type BuildOptions, buildOpsworkerApp } from './opsworker-app.ts';

/**
 * The app exactly as `cdk synth` builds it (context, stack, cdk-nag), except that functions are
 * not bundled (tests check the template; `npm run cdk:synth` and the bench build the bundles) and
 * CDK's built-in CloudFormation linter is off (~15 s a synth here; `npm run cdk:synth` runs it).
 */
export function synthTestStack(context: Record<string, unknown>, options: BuildOptions = {}) {
  const app = new App({
    context: { 'aws:cdk:bundling-stacks': [], ...context },
    builtinCloudFormationValidation: false,
  });
  return { app, ...buildOpsworkerApp(app, options) };
}
