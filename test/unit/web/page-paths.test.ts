import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { isPagePath, pagePathFunctionCode } from '../../../web/page-paths.ts';

/** Page paths get the app (index.html); file paths get the file or a 404 — locally and on CloudFront alike. */

const pages = [
  '/',
  '/overview',
  '/task/cyc-4aa9f5cc5ac067315df5.needs-assessment.r0',
  '/task/cyc-1.stall.needs-assessment.r0.s1',
  '/t/Ab3dE9',
  '/cycle/cyc-1',
  '/sign-in/code',
];
const files = [
  '/assets/index-1a2b.js',
  '/assets/gone',
  '/favicon.ico',
  '/config.json',
  '/.sources-hash',
  '/x/.env',
];

/** What the CloudFront function does to a request's uri, run as its runtime would (plain JavaScript). */
function cloudFront(uri: string): string {
  const event = { request: { uri } };
  return runInNewContext(`${pagePathFunctionCode()}\nhandler(event).uri`, { event }) as string;
}

describe('isPagePath', () => {
  it.each(pages)('serves the app for the page %s, task ids with dots included', (path) => {
    expect(isPagePath(path)).toBe(true);
    expect(cloudFront(path)).toBe('/index.html');
  });

  it.each(files)('leaves %s to the files (a 404 when missing)', (path) => {
    expect(isPagePath(path)).toBe(false);
    expect(cloudFront(path)).toBe(path);
  });
});
