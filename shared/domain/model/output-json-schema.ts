import * as z from 'zod';
import { outputText } from './output-texts/index.ts';
import type { Locale } from './roles.ts';
import { outputTextKeys, type TaskOutputName, taskOutputs } from './task-outputs.ts';

/**
 * Task outputs as JSON Schema (draft 2020-12), for forms (react-jsonschema-form), the OpenAPI document and the
 * CLI. The structure is generated from the very zod schema that validates a completion, so what a form offers
 * and what the API accepts cannot drift; only the words (titles, descriptions, examples) come per language
 * from the output texts. Cross-field rules (a rejection needs a reason) and the template's rules (422) are
 * checked by the API, not by the schema.
 */

/** A JSON Schema object. */
export type JsonSchema = Record<string, unknown>;

/** The JSON Schema of a task output, worded in `locale`, with a complete example body at its root. */
export function outputJsonSchema(name: TaskOutputName, locale: Locale): JsonSchema {
  const schema = z.toJSONSchema(taskOutputs[name].schema, {
    target: 'draft-2020-12',
    override: ({ zodSchema, jsonSchema }) => {
      const key = outputTextKeys.get(zodSchema as unknown as z.ZodType)?.text;
      if (!key) return;
      const { title, description, examples } = outputText(key, locale);
      jsonSchema.title = title;
      if (description) jsonSchema.description = description;
      if (examples) jsonSchema.examples = [...examples];
    },
  }) as JsonSchema;
  return { ...schema, examples: [exampleOf(schema)] };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A body that fits `schema`, built from its fields' examples: required properties only, one item per list,
 * the first alternative of a choice. With `today` (YYYY-MM-DD), every date in it is today, so the body passes
 * the template's date rules (work done not in the future, a new deadline not in the past).
 */
export function exampleOf(schema: JsonSchema, today?: string): unknown {
  const alternatives = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (alternatives?.[0]) return exampleOf(alternatives[0], today);
  if ('const' in schema) return schema.const;
  const example = (schema.examples as unknown[] | undefined)?.[0];
  if (schema.enum) {
    const values = schema.enum as unknown[];
    return values.includes(example) ? example : values[0];
  }
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema.required ?? []) as string[]);
      return Object.fromEntries(
        Object.entries(properties)
          .filter(([name]) => required.has(name))
          .map(([name, property]) => [name, exampleOf(property, today)]),
      );
    }
    case 'array':
      return [exampleOf((schema.items ?? {}) as JsonSchema, today)];
    case 'integer':
    case 'number':
      return example ?? schema.minimum ?? 1;
    default:
      if (typeof example === 'string' && today && DATE.test(example)) return today;
      return example ?? schema.title ?? '';
  }
}
