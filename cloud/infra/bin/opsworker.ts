#!/usr/bin/env node
/**
 * The CDK app (`npm run cdk:synth`, `npx cdk deploy` from cloud/infra): one OpsWorker stack,
 * configured by CDK context (`-c clusters=acme/prod ...`, see docs/cloud.md) and checked by
 * cdk-nag's AwsSolutions rules on every synth.
 */
import { App } from 'aws-cdk-lib';
import { InfraConfigError } from '../lib/infra-config.ts';
import { buildOpsworkerApp } from '../lib/opsworker-app.ts';

const app = new App();
try {
  buildOpsworkerApp(app);
} catch (error) {
  if (!(error instanceof InfraConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
app.synth();
