import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BUNDLE_OPTIONS, LAMBDA_NODE_OPTIONS } from './lambda-bundling.ts';
import type { LambdaEntry } from './lambda-entries.ts';

export interface OpsworkerFunctionProps {
  spec: LambdaEntry;
  repoRoot: string;
  environment: Record<string, string>;
  logRetention: RetentionDays;
  logRemovalPolicy: RemovalPolicy;
}

export const LAMBDA_RUNTIME = Runtime.NODEJS_24_X;

/**
 * One OpsWorker Lambda function: an esbuild bundle of its entry file (arm64, Node 24, minified,
 * source maps, AWS SDK from the runtime) with its own log group.
 *
 * An entry that does not exist yet is reported as a synth error naming the file, instead of
 * NodejsFunction's exception at the first one: the rest of the stack is still built, so a
 * synth lists every missing entry at once and never produces a deployable template without them.
 */
export class OpsworkerFunction extends Construct {
  readonly function: LambdaFunction;

  constructor(scope: Construct, id: string, props: OpsworkerFunctionProps) {
    super(scope, id);
    const { spec, repoRoot } = props;
    const entry = join(repoRoot, spec.entry);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });
    const common = {
      description: spec.description,
      runtime: LAMBDA_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: spec.memoryMb,
      timeout: Duration.seconds(spec.timeoutSeconds),
      logGroup,
      environment: { NODE_OPTIONS: LAMBDA_NODE_OPTIONS, ...props.environment },
    };
    if (!existsSync(entry)) {
      Annotations.of(this).addError(
        `Lambda entry ${spec.entry} does not exist yet: create it (exporting \`handler\`) before synthesizing or deploying.`,
      );
      this.function = new LambdaFunction(this, 'Function', {
        ...common,
        handler: 'index.handler',
        code: Code.fromInline(
          `exports.handler = async () => { throw new Error('${spec.entry} is missing'); };`,
        ),
      });
      return;
    }
    this.function = new NodejsFunction(this, 'Function', {
      ...common,
      entry,
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      bundling: {
        format: OutputFormat.ESM,
        target: BUNDLE_OPTIONS.target,
        minify: BUNDLE_OPTIONS.minify,
        sourceMap: BUNDLE_OPTIONS.sourcemap,
        sourcesContent: false,
        mainFields: [...BUNDLE_OPTIONS.mainFields],
        externalModules: [...BUNDLE_OPTIONS.external],
        banner: BUNDLE_OPTIONS.banner,
        // Never fall back to Docker: synth must work offline with the esbuild in node_modules.
        forceDockerBundling: false,
        // Without bundling (template tests), CDK would fingerprint the whole repository, node_modules
        // included, to name an asset nobody deploys: tens of seconds for nothing.
        ...(Stack.of(this).bundlingRequired ? {} : { assetHash: `not-bundled:${spec.entry}` }),
      },
    });
  }
}
