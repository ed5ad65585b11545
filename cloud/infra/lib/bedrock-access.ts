import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';

/**
 * Lets a function call the configured Bedrock models and inference profiles, and no others.
 * Strands streams (Converse stream), which needs the streaming action besides InvokeModel.
 */
export function grantBedrock(grantee: IGrantable, modelArns: readonly string[]): void {
  if (modelArns.length === 0) return;
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      resources: [...modelArns],
    }),
  );
}
