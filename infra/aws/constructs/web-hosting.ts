import { execFileSync } from 'node:child_process';
import {
  type CfnElement,
  CfnOutput,
  DockerImage,
  Duration,
  Fn,
  type RemovalPolicy,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { pagePathFunctionCode } from '../../../web/page-paths.ts';
import {
  cognitoOrigin,
  contentSecurityPolicy,
  OTHER_SECURITY_HEADERS,
} from '../../../web/security-headers.ts';

export interface WebHostingProps {
  /** The HTTP API's endpoint (`https://{id}.execute-api.{region}.amazonaws.com`) and its route paths. */
  api: { endpoint: string; paths: readonly string[] };
  userPoolId: string;
  userPoolClientId: string;
  removalPolicy: RemovalPolicy;
}

/** The API paths' first segments (`/tasks/{id}` → `tasks`), each served through the distribution. */
export function apiPrefixes(paths: readonly string[]): string[] {
  return [...new Set(paths.map((path) => path.split('/')[1] ?? '').filter(Boolean))].sort();
}

const ROOT = new URL('../../../', import.meta.url).pathname;

/**
 * The web app on AWS: a private, encrypted S3 bucket that only CloudFront reads (origin access control), a
 * distribution with the same security headers the local server sends (strict CSP, HSTS, nosniff, frame deny,
 * no referrer), page paths answered with index.html (client-side routes), hashed assets cached for a year,
 * and `config.json` with the region's API URL and user pool ids, written at deploy time.
 *
 * The API is reached through the same distribution, at its own paths (`/tasks`, `/cycles/*`, ...; page paths
 * never collide with them, as on the local server). One origin for the app and the API: no CORS, and the CSP's
 * connect-src is 'self' and the region's Cognito endpoint, where the app signs people in.
 *
 * The bundle is built on the machine that synthesises (Vite, offline, no Docker): CDK's local bundling runs
 * `web/build.ts --out <asset dir>`. The asset hash is the hash of web/'s sources.
 */
export class WebHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: props.removalPolicy,
    });

    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'ROMACT web app: the headers of web/security-headers.ts',
      securityHeadersBehavior: {
        // The app signs people in by calling Cognito's public API of this region directly (web/src/lib/cognito.ts).
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(cognitoOrigin(Stack.of(this).region)),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Cross-Origin-Opener-Policy',
            value: OTHER_SECURITY_HEADERS['cross-origin-opener-policy'],
            override: true,
          },
          {
            header: 'Permissions-Policy',
            value: OTHER_SECURITY_HEADERS['permissions-policy'],
            override: true,
          },
        ],
      },
    });

    // Page paths are the app's own routes (web/page-paths.ts): serve index.html. A missing file stays a 404.
    const spaRoutes = new cloudfront.Function(this, 'PageRoutes', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'ROMACT web app: client-side routes to index.html',
      code: cloudfront.FunctionCode.fromInline(pagePathFunctionCode()),
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `ROMACT web app (${Stack.of(this).stackName})`,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
        functionAssociations: [
          { function: spaRoutes, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    // The API behind the same domain: never cached, every viewer header (Authorization, cookie) forwarded.
    const apiOrigin = new origins.HttpOrigin(Fn.select(2, Fn.split('/', props.api.endpoint)), {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
    });
    for (const prefix of apiPrefixes(props.api.paths)) {
      for (const pattern of [`/${prefix}`, `/${prefix}/*`]) {
        this.distribution.addBehavior(pattern, apiOrigin, {
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        });
      }
    }

    const build = s3deploy.Source.asset(`${ROOT}web`, {
      exclude: ['dist', 'dist.*', '*.md'],
      bundling: {
        // Never used: local bundling always succeeds or throws. Docker is not a dependency of this project.
        image: DockerImage.fromRegistry('node:22-alpine'),
        local: {
          tryBundle(outputDir: string) {
            execFileSync(process.execPath, ['--import', 'tsx', 'web/build.ts', '--out', outputDir], {
              cwd: ROOT,
              stdio: 'inherit',
            });
            return true;
          },
        },
      },
    });

    // Hashed assets never change: cached for a year. Older ones stay (no prune) for pages still open.
    new s3deploy.BucketDeployment(this, 'Assets', {
      destinationBucket: this.bucket,
      sources: [build],
      exclude: ['index.html', '.sources-hash'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 512,
    });
    // index.html and config.json are read again on every visit, and CloudFront is told they changed.
    new s3deploy.BucketDeployment(this, 'Entry', {
      destinationBucket: this.bucket,
      sources: [
        build,
        s3deploy.Source.jsonData('config.json', {
          apiUrl: this.url,
          region: Stack.of(this).region,
          userPoolId: props.userPoolId,
          userPoolClientId: props.userPoolClientId,
        }),
      ],
      exclude: ['*'],
      include: ['index.html', 'config.json'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      memoryLimit: 512,
    });

    new CfnOutput(Stack.of(this), 'WebUrl', { value: this.url, description: 'The web app' });
    this.acknowledgeFindings();
  }

  /** cdk-nag findings this construct accepts, each with its reason (scoped to the construct). */
  private acknowledgeFindings() {
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions::AwsSolutions-S1',
        reason:
          'The bucket holds only the public build of the web app, written by the deployment; reads go through CloudFront',
      },
      {
        id: 'AwsSolutions::AwsSolutions-CFR1',
        reason: 'The programme serves municipalities and residents wherever they are; no country is excluded',
      },
      {
        id: 'AwsSolutions::AwsSolutions-CFR2',
        reason:
          'Static files only; every API call is authorised by the HTTP API with throttling. A WAF web ACL costs more than this region’s idle stack',
      },
      {
        id: 'AwsSolutions::AwsSolutions-CFR3',
        reason:
          'Access logs would hold visitors’ IP addresses for static files that carry no personal data; the API keeps its own access logs without bodies',
      },
      {
        id: 'AwsSolutions::AwsSolutions-CFR4',
        reason:
          'The default CloudFront domain and certificate fix the policy at TLSv1; a custom domain with its certificate (and TLS 1.2 minimum) is a per-deployment choice',
      },
    );
    // CDK's own deployment function (one per stack, beside this construct) copies the build into the bucket.
    const stack = Stack.of(this);
    const deployer = stack.node.children.find((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (!deployer) return;
    const bucketId = stack.getLogicalId(this.bucket.node.defaultChild as CfnElement);
    const copy =
      'CDK’s BucketDeployment copies the build from the CDK assets bucket into the site bucket and nothing else';
    Validations.of(deployer).acknowledge(
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions::AwsSolutions-IAM5[Action::${action}]`,
        reason: copy,
      })),
      {
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}/*]`,
        reason: copy,
      },
      { id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`, reason: copy },
      {
        id: 'Serverless::Serverless-LambdaTracing',
        reason: 'CDK’s deployment function runs only during deployments; there is no request to trace',
      },
    );
  }
}
