import { Annotations, Duration, Stack } from 'aws-cdk-lib';
import { Distribution, HttpVersion, PriceClass, ViewerProtocolPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { Bucket, IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledgeBucketDeploymentFindings } from './nag-suppressions.ts';
import { privateBucket } from './private-bucket.ts';

export interface PortalProps {
  accessLogs: IBucket;
}

export interface PortalBuild {
  /** The built renderer (desktop/dist/renderer); deployed only when `built`. */
  dir: string;
  built: boolean;
  /** Written next to index.html as opsworker-config.json, so the portal finds the API. */
  apiUrl: string;
}

/** The file the portal reads at start to learn where the API is (it is not same-origin in the cloud). */
export const PORTAL_CONFIG_FILE = 'opsworker-config.json';

/**
 * The web portal: a private bucket served only through CloudFront (origin access control), HTTPS,
 * with the single-page app's client-side routes answered by index.html.
 */
export class Portal extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly url: string;

  constructor(scope: Construct, id: string, props: PortalProps) {
    super(scope, id);
    this.bucket = privateBucket(this, 'Bucket', {
      retain: false, // Rebuilt from the repository on every deploy: nothing to keep.
      accessLogs: props.accessLogs,
      accessLogsPrefix: 'portal-bucket/',
    });
    // A deep link such as /investigations/inv_123 has no object: S3 answers 403 (no ListBucket)
    // or 404, and the app's router takes over from index.html.
    const spaFallback = (httpStatus: number) => ({
      httpStatus,
      responseHttpStatus: 200,
      responsePagePath: '/index.html',
      ttl: Duration.seconds(0),
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'OpsWorker portal',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        compress: true,
      },
      defaultRootObject: 'index.html',
      errorResponses: [spaFallback(403), spaFallback(404)],
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'portal-cloudfront/',
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
  }

  /**
   * Uploads the build and invalidates CloudFront's cache. Separate from the constructor because
   * the API URL it writes depends on the API, whose CORS rule depends on this portal's URL.
   */
  deploy(props: PortalBuild): void {
    if (!props.built) {
      Annotations.of(this).addWarningV2(
        'opsworker:portal-not-built',
        `The portal is not built (no index.html in ${props.dir}): the bucket stays empty. Run \`npm run -w desktop build\` and deploy again.`,
      );
      return;
    }
    new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(props.dir), Source.jsonData(PORTAL_CONFIG_FILE, { apiUrl: props.apiUrl })],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 256,
    });
    acknowledgeBucketDeploymentFindings(Stack.of(this), this.bucket);
  }
}
