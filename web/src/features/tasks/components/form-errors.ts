import type { ErrorSchema, RJSFSchema, RJSFValidationError } from '@rjsf/utils';
import type { TFunction } from 'i18next';
import type { FieldError } from '../../../lib/api-client.ts';

/** The id rjsf gives the input at a data path: `meetings.0.date` → `root_meetings_0_date`. */
export function fieldIdFor(path: string): string {
  const segments = path.split('.').filter(Boolean);
  return ['root', ...segments].join('_');
}

/** The API's `fields[].path` errors as rjsf's error schema, so each lands on its field. */
export function errorSchemaFrom(fields: FieldError[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const field of fields) {
    let node = root;
    for (const segment of field.path.split('.').filter(Boolean)) {
      node[segment] ??= {};
      node = node[segment] as Record<string, unknown>;
    }
    const errors = (node.__errors as string[] | undefined) ?? [];
    node.__errors = [...errors, field.message];
  }
  return root as ErrorSchema;
}

/** The schema's title for a data path, with the item's number when it is inside a list ("Date (meeting 2)"). */
export function labelFor(schema: RJSFSchema, path: string, t: TFunction): string {
  let node: RJSFSchema | undefined = schema;
  let listTitle: string | undefined;
  let itemNumber: number | undefined;
  let last = '';
  for (const segment of path.split('.').filter(Boolean)) {
    if (!node) break;
    if (/^\d+$/.test(segment) && node.items && typeof node.items === 'object') {
      listTitle = typeof node.title === 'string' ? node.title : humanizeKey(last);
      itemNumber = Number(segment) + 1;
      node = node.items as RJSFSchema;
    } else {
      node = (node.properties?.[segment] as RJSFSchema | undefined) ?? undefined;
      last = segment;
    }
  }
  const title = (node && typeof node.title === 'string' && node.title) || humanizeKey(last);
  return itemNumber === undefined
    ? title
    : t('form.itemLabel', { title, list: listTitle ?? '', number: itemNumber });
}

function humanizeKey(key: string) {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** AJV's errors in plain words, in the reader's language. */
export function plainErrors(t: TFunction) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors
      // A oneOf/anyOf failure repeats what its branches already said.
      .filter((error) => error.name !== 'oneOf' && error.name !== 'anyOf' && error.name !== 'if')
      .map((error) => ({ ...error, message: plainMessage(error, t) }));
}

function plainMessage(error: RJSFValidationError, t: TFunction): string {
  const params = (error.params ?? {}) as Record<string, unknown>;
  const limit = Number(params.limit);
  switch (error.name) {
    case 'required':
      return t('form.error.required');
    case 'minItems':
      return t('form.error.minItems', { count: limit });
    case 'maxItems':
      return t('form.error.maxItems', { count: limit });
    case 'minLength':
      return limit <= 1 ? t('form.error.required') : t('form.error.minLength', { count: limit });
    case 'maxLength':
      return t('form.error.maxLength', { count: limit });
    case 'minimum':
    case 'exclusiveMinimum':
      return t(error.name === 'minimum' ? 'form.error.minimum' : 'form.error.exclusiveMinimum', { limit });
    case 'maximum':
    case 'exclusiveMaximum':
      return t('form.error.maximum', { limit });
    case 'type':
      // A text box left empty has no value at all; say what to do, not what type it should be.
      return params.type === 'string'
        ? t('form.error.required')
        : params.type === 'integer'
          ? t('form.error.integer')
          : params.type === 'number'
            ? t('form.error.number')
            : t('form.error.type');
    case 'format':
      return params.format === 'date' ? t('form.error.date') : t('form.error.format');
    case 'pattern':
      return /\\d\{4\}-/.test(String(params.pattern ?? '')) ? t('form.error.date') : t('form.error.format');
    case 'enum':
    case 'const':
      return t('form.error.enum');
    case 'additionalProperties':
      return t('form.error.unknownField');
    default:
      return t('form.error.format');
  }
}
