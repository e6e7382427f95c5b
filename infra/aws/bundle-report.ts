import { build } from 'esbuild';
import { apiRoutes, routeEntry, routeFunctionName } from '#functions/routes.ts';
import { stepEntry } from '#functions/steps/index.ts';
import { stepNames } from '#workflows/contract.ts';

/**
 * Bundles every handler as CDK does (esbuild, ESM, minified, AWS SDK external) and reports its size and
 * whether anything from CDK or the dev tooling slipped in. `npm run bundle:report`.
 */

const ROOT = new URL('../../', import.meta.url).pathname;
const FORBIDDEN =
  /node_modules\/(aws-cdk-lib|aws-cdk|constructs|cdk-nag|vitest|typescript|@biomejs|esbuild|aws-sdk-client-mock|asl-validator|dynalite|aws-local-stepfunctions)\//;

/**
 * The most a handler's bundle may weigh (a cold start loads and parses all of it). `import * as z from 'zod'`
 * keeps zod's error-message locales out; `import { z }` would pull in all of zod (~450 KB).
 */
export const MAX_BUNDLE_BYTES = 300 * 1024;

/**
 * Handlers allowed past the budget, each with its own bound and the reason. `get-template` answers with every
 * output's texts in the asked language, and bundles all six languages of all of them (~140 KB of the ~380 KB):
 * loading one language at a time is open work (issue 17). The bound keeps it from growing unnoticed.
 */
export const BUNDLE_BUDGET_EXCEPTIONS: Readonly<Record<string, number>> = { 'api:get-template': 400 * 1024 };

/** The most the named handler's bundle may weigh. */
export const bundleBudgetOf = (name: string) => BUNDLE_BUDGET_EXCEPTIONS[name] ?? MAX_BUNDLE_BYTES;

/** Entry files of every Lambda function. */
export const handlerEntries: Record<string, string> = {
  ...Object.fromEntries(stepNames.map((step) => [`step:${step}`, stepEntry(step)])),
  ...Object.fromEntries(
    apiRoutes
      .filter((route) => !route.localOnly)
      .map((route) => [`api:${routeFunctionName(route)}`, routeEntry(route)]),
  ),
  sweep: 'functions/sweep/sweep-deadlines.ts',
  'trigger:pre-token-generation': 'functions/triggers/pre-token-generation.ts',
};

/** One handler's bundle. */
export interface BundleReport {
  name: string;
  bytes: number;
  forbidden: string[];
}

export async function bundleHandler(name: string, entry: string): Promise<BundleReport> {
  const result = await build({
    entryPoints: [`${ROOT}${entry}`],
    bundle: true,
    minify: true,
    sourcemap: false,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    external: ['@aws-sdk/*'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  return {
    name,
    bytes: result.outputFiles.reduce((sum, file) => sum + file.contents.length, 0),
    forbidden: inputs.filter((input) => FORBIDDEN.test(input)),
  };
}

if (process.argv[1]?.endsWith('bundle-report.ts')) {
  const reports = await Promise.all(
    Object.entries(handlerEntries).map(([name, entry]) => bundleHandler(name, entry)),
  );
  for (const report of reports.sort((a, b) => b.bytes - a.bytes)) {
    process.stdout.write(
      `${(report.bytes / 1024).toFixed(0).padStart(6)} KB  ${report.name}${report.bytes > bundleBudgetOf(report.name) ? '  OVER BUDGET' : ''}${report.forbidden.length ? `  FORBIDDEN: ${report.forbidden.join(', ')}` : ''}\n`,
    );
  }
}
