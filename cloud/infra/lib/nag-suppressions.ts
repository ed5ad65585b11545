import { type CfnElement, Stack, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export interface NagScopes {
  stack: Stack;
  functions: IConstruct;
  table: IConstruct;
  evidence: IConstruct;
  slackAsync: IConstruct;
  digest: IConstruct;
  api: IConstruct;
  portal: IConstruct;
  asyncFailures: IConstruct;
}

/** `<LogicalId.Arn>`, as cdk-nag names a resource ARN inside an IAM finding. */
function arnOf(construct: IConstruct): string {
  const element = construct.node.defaultChild as CfnElement;
  return `<${Stack.of(construct).getLogicalId(element)}.Arn>`;
}

/**
 * Every cdk-nag AwsSolutions finding this stack accepts, each with why. Acknowledged per finding
 * (cdk-nag v3 has no wildcard suppression), on the narrowest construct that has it, so a new
 * finding anywhere else still fails the synth.
 */
export function acknowledgeNagFindings(scopes: NagScopes): void {
  const ack = (scope: IConstruct, id: string, reason: string) =>
    Validations.of(scope).acknowledge({ id: `AwsSolutions-${id}`, reason });

  ack(
    scopes.functions,
    'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'AWSLambdaBasicExecutionRole only allows creating log streams and writing log events; each function writes to its own log group with a set retention.',
  );
  ack(
    scopes.functions,
    `IAM5[Resource::${arnOf(scopes.table)}/index/*]`,
    "The store queries the table's own global secondary indexes (gsi1-gsi3, see docs/cloud-data-model.md); the grant covers this table's indexes only.",
  );
  ack(
    scopes.functions,
    `IAM5[Resource::${arnOf(scopes.evidence)}/*]`,
    'Evidence keys are created per organization and investigation at run time; only GetObject and PutObject are allowed, in this one bucket.',
  );
  ack(
    scopes.functions,
    `IAM5[Resource::${arnOf(scopes.slackAsync)}:*]`,
    'grantInvoke covers the versions and aliases of the one Slack async function, which the Slack events function hands slow work to.',
  );
  ack(
    scopes.stack,
    `IAM5[Resource::${arnOf(scopes.digest)}:*]`,
    "EventBridge Scheduler's role may invoke the digest function (and its versions), nothing else.",
  );
  ack(
    scopes.api,
    'APIG4',
    'Every route authenticates in the application: per-organization API and webhook tokens (stored hashed, checked on each request) and Slack request signatures with replay protection. An API Gateway authorizer would duplicate that and add latency and cost.',
  );
  ack(
    scopes.portal,
    'CFR1',
    'The portal is static files for the users of the organization that deploys it; where they are is not restricted. Add a geo restriction in the distribution if policy requires one.',
  );
  ack(
    scopes.portal,
    'CFR2',
    'The portal serves only static files (the data comes from the API with a bearer token); a WAF web ACL costs at least $5/month per deployment and can be attached when wanted.',
  );
  ack(
    scopes.portal,
    'CFR4',
    'The default *.cloudfront.net certificate cannot set a minimum TLS version (CloudFront fixes it); a custom domain with its own certificate and TLSv1.2_2021 is the way to raise it.',
  );
  ack(
    scopes.asyncFailures,
    'SQS3',
    'This queue is itself the on-failure destination of asynchronous invocations (a dead-letter queue), alarmed as soon as anything arrives.',
  );
}

/**
 * The findings of CDK's own BucketDeployment function (the portal upload), which this project
 * does not write: a singleton CDK adds at the stack's root and keeps up to date itself.
 */
export function acknowledgeBucketDeploymentFindings(stack: Stack, portalBucket: IConstruct): void {
  const singleton = stack.node.children.find((child) =>
    child.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  if (!singleton) return;
  const ack = (id: string, reason: string) =>
    Validations.of(singleton).acknowledge({ id: `AwsSolutions-${id}`, reason });
  const cdkOwned =
    "CDK's BucketDeployment handler, created and updated by aws-cdk-lib, runs only during deployments";
  ack('L1', `${cdkOwned}; its runtime is chosen by aws-cdk-lib.`);
  ack(
    'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    `${cdkOwned}; the managed policy only lets it write its logs.`,
  );
  for (const action of ['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*']) {
    ack(
      `IAM5[Action::${action}]`,
      `${cdkOwned}: it syncs the built portal into the portal bucket (copying and deleting files).`,
    );
  }
  ack(
    `IAM5[Resource::${arnOf(portalBucket)}/*]`,
    `${cdkOwned}: it writes the portal's files, whose names come from the build.`,
  );
  // Literal where the CLI resolved the environment (cdk deploy), a pseudo parameter where it did not.
  const literalOr = (value: string, pseudo: string) =>
    Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value;
  const region = literalOr(stack.region, 'Region');
  const partition = Token.isUnresolved(stack.region)
    ? '<AWS::Partition>'
    : literalOr(stack.partition, 'Partition');
  ack(
    `IAM5[Resource::arn:${partition}:s3:::cdk-hnb659fds-assets-${literalOr(stack.account, 'AccountId')}-${region}/*]`,
    `${cdkOwned}: it reads the uploaded portal archive from the CDK bootstrap bucket.`,
  );
  ack('IAM5[Resource::*]', `${cdkOwned}: CloudFront's CreateInvalidation has no resource-level permissions.`);
}
