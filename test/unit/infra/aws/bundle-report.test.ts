import { describe, expect, it } from 'vitest';
import {
  BUNDLE_BUDGET_EXCEPTIONS,
  bundleBudgetOf,
  bundleHandler,
  handlerEntries,
} from '#infra/aws/bundle-report.ts';

describe('Lambda bundles', () => {
  it('bundle every handler without CDK or development dependencies, each at most 300 KB (zod imported as a namespace, so its locales are shaken out)', async () => {
    const reports = await Promise.all(
      Object.entries(handlerEntries).map(([name, entry]) => bundleHandler(name, entry)),
    );
    expect(reports).toHaveLength(Object.keys(handlerEntries).length);
    for (const report of reports) {
      expect(report.forbidden, report.name).toEqual([]);
      expect(report.bytes, report.name).toBeGreaterThan(10_000);
      expect(report.bytes, report.name).toBeLessThanOrEqual(bundleBudgetOf(report.name));
    }
    // An exception names a handler that exists and is still over the common budget (else it is stale).
    for (const name of Object.keys(BUNDLE_BUDGET_EXCEPTIONS)) {
      const report = reports.find((one) => one.name === name);
      expect(report, name).toBeDefined();
      expect(report?.bytes ?? 0, name).toBeGreaterThan(300 * 1024);
    }
  }, 120_000);
});
