import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';

/**
 * Reading and writing evidence objects: S3BlobStore only ever gets and puts whole objects, so
 * this grants exactly those two actions instead of grantReadWrite's listing, deleting and
 * bucket reads.
 */
export function grantEvidenceObjects(bucket: IBucket, grantee: IGrantable): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['s3:GetObject', 's3:PutObject'],
      resources: [bucket.arnForObjects('*')],
    }),
  );
}
