import { z } from 'zod';

/**
 * Bad input derived from a valid request: every field of a JSON body (found by walking it), changed one at a
 * time into something no schema should take, plus malformed bodies. The bad-input sweep sends each and asserts
 * what comes back.
 */

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One bad request body, and the field the answer must name (undefined: any refusal will do). */
export interface Mutation {
  /** What was done, for the report. */
  label: string;
  /** The body as sent (raw text, so `__proto__` keys survive). */
  text: string;
  /** The dotted path a 400 or 422 must name (or a path under it). */
  path?: string;
}

/** A field's dotted path, as the API reports it (the body's root is `(body)`). */
export const dotted = (path: readonly (string | number)[]) => path.map(String).join('.') || '(body)';

/** Every object, array and leaf in a JSON value, with its path. */
export function nodes(
  value: Json,
  path: (string | number)[] = [],
): { path: (string | number)[]; value: Json }[] {
  const children = Array.isArray(value)
    ? value.flatMap((child, index) => nodes(child, [...path, index]))
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, child]) => nodes(child, [...path, key]))
      : [];
  return [{ path, value }, ...children];
}

/** A copy of `root` with the value at `path` replaced. */
export function replaced(root: Json, path: readonly (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(root))
    return root.map((child, index) => (index === head ? replaced(child, rest, value) : child));
  const object = root as Record<string, Json>;
  return { ...object, [head]: replaced(object[head] as Json, rest, value) };
}

/** The value at a path. */
export function at(root: Json, path: readonly (string | number)[]): Json {
  return path.reduce<Json>((node, key) => (node as Record<string, Json>)[key] as Json, root);
}

const typeOf = (value: Json) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
const WRONG_TYPES: Json[] = [null, 7, true, 'text', [], { a: 1 }];

const DATE = /^\d{4}-\d{2}-\d{2}/;
const DURATION = /^-?P(?=\d|T)/;
/** Dates no planning can mean: far ahead, far back, or not on the calendar. */
export const BAD_DATES = [
  '9999-12-31',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  '0001-01-01',
  '2027-02-30',
  '2027-13-01',
  '2027-01-01T25:00:00Z',
];
/** Durations past any horizon, or not durations of time at all. */
export const BAD_DURATIONS = ['P9000Y', 'P300000Y', 'PT99999999999H', 'P0D', '-P1D', 'P', 'PT'];

/** Marks keys that JSON.stringify would otherwise drop or that an object literal cannot hold. */
const RAW_KEY = '\u0000raw-key:';

/** JSON text with `__proto__`-style keys kept as keys. */
function rawText(value: Json): string {
  return JSON.stringify(value).replaceAll(`"${RAW_KEY.replace('\u0000', '\\u0000')}`, '"');
}

/** Objects (not records of free keys, which `recordPaths` names) where an unknown key must be refused. */
export function bodyMutations(
  valid: Json,
  options: { recordPaths?: readonly string[]; nullablePaths?: readonly string[] } = {},
): Mutation[] {
  const records = new Set(options.recordPaths ?? []);
  const nullable = new Set(options.nullablePaths ?? []);
  const mutations: Mutation[] = [];
  for (const { path, value } of nodes(valid)) {
    const where = dotted(path);
    if (path.length > 0) {
      const wrongTypes = WRONG_TYPES.filter(
        (candidate) => typeOf(candidate) !== typeOf(value) && !(candidate === null && nullable.has(where)),
      );
      for (const wrong of wrongTypes) {
        mutations.push({
          label: `${where} as ${typeOf(wrong)}`,
          text: JSON.stringify(replaced(valid, path, wrong)),
          path: where,
        });
      }
    }
    if (typeof value === 'string') {
      mutations.push({
        label: `${where}: 100,000 characters`,
        text: JSON.stringify(replaced(valid, path, 'x'.repeat(100_000))),
        path: where,
      });
      if (DATE.test(value)) {
        for (const date of BAD_DATES)
          mutations.push({
            label: `${where}: ${date}`,
            text: JSON.stringify(replaced(valid, path, date)),
            path: where,
          });
      }
      if (DURATION.test(value)) {
        for (const duration of BAD_DURATIONS)
          mutations.push({
            label: `${where}: ${duration}`,
            text: JSON.stringify(replaced(valid, path, duration)),
            path: where,
          });
      }
    }
    if (typeof value === 'number') {
      for (const number of [-1, 1.5, 1e308, -1e308])
        if (number !== value)
          mutations.push({
            label: `${where}: ${number}`,
            text: JSON.stringify(replaced(valid, path, number)),
            path: where,
          });
    }
    if (Array.isArray(value) && value.length > 0) {
      const element = JSON.stringify(value[0]);
      const copies = Math.max(1_001, Math.min(20_000, Math.floor(200_000 / (element.length + 1))));
      mutations.push({
        label: `${where}: ${copies} elements`,
        text: JSON.stringify(
          replaced(
            valid,
            path,
            Array.from({ length: copies }, () => value[0] as Json),
          ),
        ),
        path: where,
      });
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const inside = (key: string) => dotted([...path, key]);
      if (!records.has(where)) {
        mutations.push({
          label: `${inside('zzUnknown')}: an unknown key`,
          text: JSON.stringify(replaced(valid, path, { ...value, zzUnknown: 'x' })),
          path: inside('zzUnknown'),
        });
      }
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        mutations.push({
          label: `${inside(key)}: a prototype key`,
          text: rawText(replaced(valid, path, { ...value, [`${RAW_KEY}${key}`]: { polluted: true } })),
          path: inside(key),
        });
      }
    }
  }
  return mutations;
}

/** Bodies that are not a JSON object at all. */
export const MALFORMED_BODIES: { label: string; text: string; status?: number }[] = [
  { label: 'a cut-off object', text: '{"a":' },
  { label: 'two objects', text: '{"a":1}{"b":2}' },
  { label: 'a trailing comma', text: '{"a":1,}' },
  { label: 'single quotes', text: "{'a':1}" },
  { label: 'an array', text: '[]' },
  { label: 'null', text: 'null' },
  { label: 'a string', text: '"text"' },
  { label: 'a number', text: '42' },
  { label: 'true', text: 'true' },
  { label: 'a byte-order mark', text: '\uFEFF{}' },
  { label: 'a NUL', text: '\u0000' },
  { label: 'whitespace only', text: ' \n\t ' },
  { label: 'arrays nested 100,000 deep', text: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
  { label: 'objects nested 40,000 deep', text: `${'{"a":'.repeat(40_000)}1${'}'.repeat(40_000)}` },
  {
    label: 'an array of 20,000 objects',
    text: JSON.stringify(Array.from({ length: 20_000 }, () => ({ a: {} }))),
  },
  { label: '300 KB', text: JSON.stringify({ pad: 'x'.repeat(300_000) }), status: 413 },
];

/**
 * The dotted paths a zod schema declares (objects' keys, `0` for array items; records end at their own path),
 * to check that a valid fixture gives every field a value, so the sweep mutates each.
 */
export function declaredPaths(schema: z.ZodType): { paths: string[]; nullable: string[] } {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const paths = new Set<string>();
  const nullable = new Set<string>();
  const walk = (node: JsonSchema | undefined, path: string[]) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'null' || (Array.isArray(node.type) && node.type.includes('null')))
      nullable.add(path.join('.'));
    for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])])
      walk(branch, path);
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      paths.add([...path, key].join('.'));
      walk(child, [...path, key]);
    }
    if (node.items && !Array.isArray(node.items)) walk(node.items, [...path, '0']);
  };
  walk(json, []);
  return { paths: [...paths], nullable: [...nullable] };
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema | JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}
