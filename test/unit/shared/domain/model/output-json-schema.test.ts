import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { exampleOf, type JsonSchema, outputJsonSchema } from '#shared/domain/model/output-json-schema.ts';
import { outputTexts } from '#shared/domain/model/output-texts/index.ts';
import { locales } from '#shared/domain/model/roles.ts';
import { taskOutputNames, taskOutputs } from '#shared/domain/model/task-outputs.ts';

/** What a schema says about validity, without what it says to people (titles, descriptions, examples). */
function structure(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(structure);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !['title', 'description', 'examples'].includes(key))
      .map(([key, value]) => [
        key,
        key === 'properties'
          ? Object.fromEntries(Object.entries(value as object).map(([name, one]) => [name, structure(one)]))
          : structure(value),
      ]),
  );
}

/** Every subschema with where it is, depth first. */
function walk(schema: JsonSchema, path = '(root)'): { path: string; schema: JsonSchema }[] {
  const children: { path: string; schema: JsonSchema }[] = [];
  for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>))
    children.push(...walk(child, `${path}.${name}`));
  if (schema.items) children.push(...walk(schema.items as JsonSchema, `${path}[]`));
  for (const [index, child] of ((schema.oneOf ?? schema.anyOf ?? []) as JsonSchema[]).entries())
    children.push(...walk(child, `${path}|${index}`));
  return [{ path, schema }, ...children];
}

const cases = taskOutputNames.flatMap((name) => locales.map((locale) => ({ name, locale })));

describe('outputJsonSchema', () => {
  it.each(cases)(
    '$name ($locale) has the structure of the zod schema that validates completions',
    ({ name, locale }) => {
      const validating = z.toJSONSchema(taskOutputs[name].schema, { target: 'draft-2020-12' });
      expect(structure(outputJsonSchema(name, locale))).toEqual(structure(validating));
    },
  );

  it.each(cases)(
    '$name ($locale) titles every part in the language, and describes the output',
    ({ name, locale }) => {
      const schema = outputJsonSchema(name, locale);
      const untitled = walk(schema).filter(
        ({ schema: part }) => typeof part.title !== 'string' || !part.title,
      );
      expect(untitled.map((part) => part.path)).toEqual([]);
      expect(schema.description).toEqual(expect.any(String));
      if (locale !== 'en') expect(schema.title).not.toBe(outputJsonSchema(name, 'en').title);
    },
  );

  it.each(taskOutputNames)(
    '%s is a schema forms render: objects, lists, choices and dates, no references',
    (name) => {
      const parts = walk(outputJsonSchema(name, 'en'));
      expect(JSON.stringify(outputJsonSchema(name, 'en'))).not.toContain('$ref');
      for (const { path, schema } of parts) {
        if (schema.oneOf) continue;
        expect(['object', 'array', 'string', 'integer', 'number'], path).toContain(schema.type);
      }
      // Calendar dates are date pickers in a form.
      const dates = parts.filter(({ schema }) =>
        (schema.examples as unknown[] | undefined)?.some((one) => /^\d{4}-\d\d-\d\d$/.test(String(one))),
      );
      for (const { path, schema } of dates) {
        if (!path.endsWith('dueAt')) expect(schema.format, path).toBe('date');
      }
    },
  );

  it.each(cases)('$name ($locale) carries an example body the API accepts as valid', ({ name, locale }) => {
    const schema = outputJsonSchema(name, locale);
    const [example] = schema.examples as unknown[];
    expect(taskOutputs[name].schema.safeParse(example).error?.issues ?? []).toEqual([]);
    expect(taskOutputs[name].schema.safeParse(exampleOf(schema, '2027-03-01')).success).toBe(true);
  });
});

describe('exampleOf', () => {
  it('puts today in every date, so the body passes the date rules', () => {
    const example = exampleOf(outputJsonSchema('community-consultation', 'bg'), '2027-03-01') as {
      meetings: { date: string }[];
      agreedPriorities: string[];
    };
    expect(example.meetings[0]?.date).toBe('2027-03-01');
    expect(example.agreedPriorities).toEqual(['Жилища']);
  });

  it('takes the first of a choice', () => {
    expect(exampleOf(outputJsonSchema('stall-resolution', 'en'), '2027-03-01')).toEqual({
      action: 'resume',
      dueAt: '2027-03-01',
    });
  });
});

describe('Output texts', () => {
  it('describe in every language what English describes, and title every key', () => {
    const missing = locales.flatMap((locale) =>
      Object.entries(outputTexts.en).flatMap(([key, english]) => {
        const own = outputTexts[locale][key as keyof typeof outputTexts.en] as {
          title?: string;
          description?: string;
        };
        return [
          ...(own.title?.trim() ? [] : [`${locale} ${key}: title`]),
          ...('description' in english && !own.description?.trim() ? [`${locale} ${key}: description`] : []),
        ];
      }),
    );
    expect(missing).toEqual([]);
  });
});
