import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '#functions/routes.ts';
import { loadDeployConfig } from '#infra/aws/config.ts';
import { apiPrefixes } from '#infra/aws/constructs/web-hosting.ts';
import { RomactStack } from '#infra/aws/romact-stack.ts';
import { cognitoOrigin, contentSecurityPolicy } from '../../../../web/security-headers.ts';

const config = loadDeployConfig(
  new URL('../../../../infra/aws/regions.example.json', import.meta.url).pathname,
);

/** One region's stack, synthesised without bundling (the web build is checked by the local server's tests). */
function synth() {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const regionConfig = config.regions[0];
  if (!regionConfig) throw new Error('no region');
  const stack = new RomactStack(app, 'Romact-test-web', {
    stage: config.stage,
    regionConfig,
    env: { region: regionConfig.region },
  });
  return Template.fromStack(stack);
}

const template = synth();
/** The region the stack above is for. */
const region = config.regions[0]?.region ?? '';
const one = <T = Record<string, unknown>>(type: string): T => {
  const resources = Object.values(template.findResources(type));
  expect(resources, type).toHaveLength(1);
  return (resources[0] as { Properties: T }).Properties;
};

describe('WebHosting: the web app on S3 and CloudFront', () => {
  it('keeps the site bucket private, encrypted and reachable over TLS only, read by CloudFront alone', () => {
    // Assess: no public access at all, S3-managed encryption
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
    const policy = one<{ PolicyDocument: { Statement: Record<string, unknown>[] } }>('AWS::S3::BucketPolicy');
    const statements = policy.PolicyDocument.Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    const reads = statements.filter((statement) => statement.Effect === 'Allow');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      Action: 's3:GetObject',
      Principal: { Service: 'cloudfront.amazonaws.com' },
    });
    // Only this distribution may read (origin access control), not any CloudFront distribution.
    expect(JSON.stringify(reads[0]?.Condition)).toMatch(
      /AWS:SourceArn.*:distribution\/.*"Ref":"WebDistribution/,
    );
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
  });

  it('sends the same strict headers as the local server: CSP without inline script, HSTS, nosniff, frame deny', () => {
    const { ResponseHeadersPolicyConfig: config } = one<{ ResponseHeadersPolicyConfig: Record<string, any> }>(
      'AWS::CloudFront::ResponseHeadersPolicy',
    );
    const security = config.SecurityHeadersConfig;
    // The same policy, with the region's Cognito endpoint as the one other origin the app may call (sign-in).
    expect(security.ContentSecurityPolicy).toEqual({
      ContentSecurityPolicy: contentSecurityPolicy(cognitoOrigin(region)),
      Override: true,
    });
    expect(security.ContentSecurityPolicy.ContentSecurityPolicy).toContain(
      `connect-src 'self' https://cognito-idp.${region}.amazonaws.com;`,
    );
    expect(security.ContentSecurityPolicy.ContentSecurityPolicy).toContain("script-src 'self'");
    expect(security.ContentSecurityPolicy.ContentSecurityPolicy).not.toMatch(/unsafe-(inline|eval)/);
    expect(security.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 63_072_000,
      IncludeSubdomains: true,
      Preload: true,
      Override: true,
    });
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    expect(security.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: true });
  });

  it('serves index.html for page paths and leaves files alone (the CloudFront function, run here)', () => {
    const { FunctionCode, FunctionConfig } = one<{
      FunctionCode: string;
      FunctionConfig: { Runtime: string };
    }>('AWS::CloudFront::Function');
    expect(FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    const handler = new Function(`${FunctionCode}; return handler;`)() as (event: unknown) => { uri: string };
    const route = (uri: string) => handler({ request: { uri } }).uri;
    expect(route('/')).toBe('/index.html');
    expect(route('/task/tsk-123')).toBe('/index.html');
    expect(route('/overview')).toBe('/index.html');
    expect(route('/assets/index-Ab12.js')).toBe('/assets/index-Ab12.js');
    expect(route('/config.json')).toBe('/config.json');
  });

  it('puts the API behind the same domain, never cached, at every API path and no page path', () => {
    const { DistributionConfig: distribution } = one<{ DistributionConfig: Record<string, any> }>(
      'AWS::CloudFront::Distribution',
    );
    expect(distribution.DefaultRootObject).toBe('index.html');
    expect(distribution.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      Compress: true,
      ResponseHeadersPolicyId: { Ref: expect.stringMatching(/^WebSecurityHeaders/) },
      FunctionAssociations: [
        {
          EventType: 'viewer-request',
          FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^WebPageRoutes/), 'FunctionARN'] },
        },
      ],
    });
    const patterns = (distribution.CacheBehaviors as { PathPattern: string; CachePolicyId: string }[]).map(
      (behavior) => behavior.PathPattern,
    );
    const prefixes = apiPrefixes(apiRoutes.map((route) => route.path));
    expect(prefixes).toEqual(expect.arrayContaining(['cycles', 'municipalities', 'tasks']));
    expect(patterns.sort()).toEqual(prefixes.flatMap((prefix) => [`/${prefix}`, `/${prefix}/*`]).sort());
    for (const page of ['/task/x', '/cycle/x', '/overview', '/members', '/messages', '/sign-in']) {
      expect(
        patterns.some((pattern) => new RegExp(`^${pattern.replace('*', '.*')}$`).test(page)),
        page,
      ).toBe(false);
    }
    for (const behavior of distribution.CacheBehaviors as Record<string, unknown>[]) {
      expect(behavior).toMatchObject({
        AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']),
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // CachingDisabled
        OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // AllViewerExceptHostHeader
        ViewerProtocolPolicy: 'https-only',
      });
    }
  });

  it('deploys the build with long-lived assets, and index.html with config.json (API URL, user pool ids) uncached', () => {
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment')).map(
      (resource) => resource.Properties as Record<string, any>,
    );
    expect(deployments).toHaveLength(2);
    const assets = deployments.find((deployment) => !deployment.DistributionId);
    const entry = deployments.find((deployment) => deployment.DistributionId);
    expect(assets?.SystemMetadata).toEqual({ 'cache-control': 'public, max-age=31536000, immutable' });
    expect(assets?.Exclude).toEqual(['index.html', '.sources-hash']);
    expect(entry?.SystemMetadata).toEqual({ 'cache-control': 'no-cache' });
    expect(entry?.Include).toEqual(['index.html', 'config.json']);
    expect(entry?.DistributionPaths).toEqual(['/index.html', '/config.json']);
    // config.json is written at deploy time from the stack's own values.
    const markers = JSON.stringify(entry?.SourceMarkers);
    expect(markers).toMatch(/UsersWeb/); // the user pool client
    expect(markers).toMatch(/"Ref":"(SignIn)?Users[0-9A-F]{8}"/); // the user pool
    expect(markers).toMatch(/WebDistribution/); // the API URL: the distribution itself
    template.hasOutput('WebUrl', {});
  });
});
