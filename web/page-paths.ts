/**
 * Which request paths are pages of the app and which ask for a file, written once: the local server
 * (infra/local/web-assets.ts) and CloudFront's page-routes function (infra/aws/constructs/web-hosting.ts) both
 * answer a page path with index.html and a missing file with 404. A task's id holds dots
 * (`/task/cyc-1.needs-assessment.r0`), so "has a dot" cannot mean "is a file": only the extensions a build ships do.
 */

/** The file extensions a build of the app ships. */
export const FILE_EXTENSIONS = [
  '.html',
  '.js',
  '.css',
  '.json',
  '.map',
  '.svg',
  '.png',
  '.ico',
  '.woff2',
  '.txt',
];

/** Whether a request path (without its query) is one of the app's pages rather than a file. */
export function isPagePath(path: string): boolean {
  if (path.startsWith('/assets/')) return false;
  const segments = path.split('/');
  if (segments.some((segment) => segment.startsWith('.'))) return false;
  const last = segments.at(-1) ?? '';
  const dot = last.lastIndexOf('.');
  return dot === -1 || !FILE_EXTENSIONS.includes(last.slice(dot).toLowerCase());
}

/** The same rule as CloudFront Function code (its JavaScript runtime has no modules to import this file). */
export function pagePathFunctionCode(): string {
  return [
    'function handler(event) {',
    '  var request = event.request;',
    `  var files = ${JSON.stringify(FILE_EXTENSIONS)};`,
    "  var segments = request.uri.split('/');",
    '  var last = segments[segments.length - 1];',
    "  var dot = last.lastIndexOf('.');",
    "  var hidden = segments.some(function (segment) { return segment.charAt(0) === '.'; });",
    "  var file = request.uri.indexOf('/assets/') === 0 || hidden ||",
    '    (dot !== -1 && files.indexOf(last.slice(dot).toLowerCase()) !== -1);',
    "  if (!file) request.uri = '/index.html';",
    '  return request;',
    '}',
  ].join('\n');
}
