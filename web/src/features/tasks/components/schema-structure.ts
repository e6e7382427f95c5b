/**
 * What a JSON Schema says about validity, without what it says to people: titles, descriptions and examples
 * come localized from the API and do not change what is valid. Used on both sides of the build-time
 * validator (web/output-validators.ts) and in the browser to find the validator for a served schema.
 */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'examples',
  'default',
  '$schema',
  '$id',
  '$comment',
  'readOnly',
  'writeOnly',
  'deprecated',
]);

export function withoutAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !ANNOTATIONS.has(key) && !key.startsWith('x-') && !key.startsWith('ui:'))
      .map(([key, value]) => [
        key,
        key === 'properties' ? propertiesWithoutAnnotations(value) : withoutAnnotations(value),
      ]),
  );
}

// Property names are data, not keywords: a property called "title" stays.
function propertiesWithoutAnnotations(properties: unknown): unknown {
  if (properties === null || typeof properties !== 'object') return properties;
  return Object.fromEntries(
    Object.entries(properties).map(([name, value]) => [name, withoutAnnotations(value)]),
  );
}

/** Deep equality of two JSON values, key order ignored. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a as object);
  const keysB = Object.keys(b as object);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}
