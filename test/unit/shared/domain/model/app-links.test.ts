import { describe, expect, it } from 'vitest';
import { appLinks } from '#shared/domain/model/app-links.ts';

describe('appLinks', () => {
  const base = 'https://romact.example.org';

  it('point at the web app’s pages', () => {
    expect(appLinks.task(base, 'cyc-1.needs-assessment.r0')).toBe(`${base}/task/cyc-1.needs-assessment.r0`);
    expect(appLinks.cycle(base, 'cyc-1')).toBe(`${base}/cycle/cyc-1`);
    expect(appLinks.short(base, 'AbC_12-xyz')).toBe(`${base}/t/AbC_12-xyz`);
    expect(appLinks.home(base)).toBe(`${base}/`);
  });

  it('keep an id inside its path segment', () => {
    expect(appLinks.task(base, '../admin?x=1#y')).toBe(`${base}/task/..%2Fadmin%3Fx%3D1%23y`);
  });
});
