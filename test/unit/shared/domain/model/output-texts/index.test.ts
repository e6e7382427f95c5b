import { describe, expect, it } from 'vitest';
import { outputText, outputTexts } from '#shared/domain/model/output-texts/index.ts';
import { locales } from '#shared/domain/model/roles.ts';
import { outputTextKeys, taskOutputs } from '#shared/domain/model/task-outputs.ts';

const english = outputTexts.en as Record<string, { title: string; examples?: readonly unknown[] }>;

describe('output texts', () => {
  it.each(locales)('%s gives every text English gives, and no other, each with a title', (locale) => {
    const texts = outputTexts[locale] as Record<string, { title: string }>;
    expect(Object.keys(texts).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(texts))
      expect(text.title.trim(), `${locale}.${key}`).not.toBe('');
  });

  it('has a text for the schema of every output', () => {
    for (const [name, kind] of Object.entries(taskOutputs))
      expect(english[outputTextKeys.get(kind.schema)?.text ?? ''], name).toBeDefined();
  });

  it('falls back to the English examples where a language gives none, and keeps its own', () => {
    const key = 'needs-assessment.priority.area';
    expect(english[key]?.examples).toBeDefined();
    for (const locale of locales) {
      const own = (outputTexts[locale] as Record<string, { examples?: readonly unknown[] }>)[key]?.examples;
      expect(outputText(key, locale).examples, locale).toEqual(own ?? english[key]?.examples);
      expect(outputText(key, locale).title).toBe(
        (outputTexts[locale] as Record<string, { title: string }>)[key]?.title,
      );
    }
  });
});
