import { describe, expect, it } from 'vitest';
import { bundleHandler, handlerEntries, MAX_BUNDLE_BYTES } from '#infra/aws/bundle-report.ts';

describe('Lambda bundles', () => {
  it('bundle every handler without CDK or development dependencies, each at most 300 KB (zod imported as a namespace, so its locales are shaken out)', async () => {
    const reports = await Promise.all(
      Object.entries(handlerEntries).map(([name, entry]) => bundleHandler(name, entry)),
    );
    expect(reports).toHaveLength(Object.keys(handlerEntries).length);
    for (const report of reports) {
      expect(report.forbidden, report.name).toEqual([]);
      expect(report.bytes, report.name).toBeGreaterThan(10_000);
      expect(report.bytes, report.name).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
    }
  }, 120_000);
});
