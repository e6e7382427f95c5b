/**
 * The headers every page and asset of the web app carries, written once: the local server sends them
 * (infra/local/web-assets.ts) and CloudFront's response-headers policy sends the same (infra/aws/constructs/
 * web-hosting.ts). No inline script, nothing from other origins but the API.
 */

/** The Content-Security-Policy; `apiOrigin` is another origin the app calls (Cognito's, on AWS). */
export function contentSecurityPolicy(apiOrigin?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Cognito's user-pool API in a region: the web app calls it to sign people in on AWS (no credentials needed). */
export const cognitoOrigin = (region: string) => `https://cognito-idp.${region}.amazonaws.com`;

/** Headers besides the CSP (HSTS is CloudFront's: the local server speaks plain HTTP on loopback). */
export const OTHER_SECURITY_HEADERS = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
} as const;
