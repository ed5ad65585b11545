import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export interface PrivateBucketProps {
  retain: boolean;
  /** Where S3 writes this bucket's access logs; none for the log bucket itself. */
  accessLogs?: IBucket;
  accessLogsPrefix?: string;
  /** Objects are deleted this many days after they were written. */
  expireAfterDays?: number;
  /** CloudFront standard logs are delivered with ACLs, which only an ACL-enabled bucket accepts. */
  acceptsCloudFrontLogs?: boolean;
}

/** An S3 bucket no one can make public: encrypted, TLS only, public access blocked. */
export function privateBucket(scope: Construct, id: string, props: PrivateBucketProps): Bucket {
  return new Bucket(scope, id, {
    encryption: BucketEncryption.S3_MANAGED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    objectOwnership: props.acceptsCloudFrontLogs
      ? ObjectOwnership.BUCKET_OWNER_PREFERRED
      : ObjectOwnership.BUCKET_OWNER_ENFORCED,
    ...(props.accessLogs
      ? {
          serverAccessLogsBucket: props.accessLogs,
          serverAccessLogsPrefix: props.accessLogsPrefix ?? `${id}/`,
        }
      : {}),
    lifecycleRules: [
      {
        id: 'abort-incomplete-uploads',
        abortIncompleteMultipartUploadAfter: Duration.days(1),
      },
      ...(props.expireAfterDays ? [{ id: 'expire', expiration: Duration.days(props.expireAfterDays) }] : []),
    ],
    removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    autoDeleteObjects: !props.retain,
  });
}
