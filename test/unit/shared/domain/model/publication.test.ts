import { describe, expect, it } from 'vitest';
import { isPublished } from '#shared/domain/model/publication.ts';

describe('isPublished', () => {
  it('is true only while both the municipality and the CAG consent', () => {
    const at = { givenAt: '2027-01-04T09:00:00.000Z' };
    expect(isPublished(undefined)).toBe(false);
    expect(isPublished({ consents: {} })).toBe(false);
    expect(isPublished({ consents: { municipality: at } })).toBe(false);
    expect(isPublished({ consents: { cag: at } })).toBe(false);
    expect(isPublished({ consents: { municipality: at, cag: at } })).toBe(true);
  });
});
