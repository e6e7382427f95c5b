/**
 * A sentence whose wording depends on a number, one form per CLDR plural category of the language (`other`
 * always; `one`, `few`, ... as the language needs): Romanian says "1 zi", "2 zile", "21 de zile". The form is
 * picked with `Intl.PluralRules`, so each language only lists its own categories.
 */
export type Plural = { other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;

/**
 * The keys every language must provide. Placeholders: {title}, {due}, {days}, {municipality}, {count}.
 * `reminder` and `escalated` agree with {days}, `digest` with {count}. TypeScript (`satisfies Catalog`) and a
 * test both fail when a catalogue misses a key or a plural form its language needs.
 */
export interface Catalog {
  assigned: string;
  reminder: Plural;
  overdue: string;
  escalated: Plural;
  digest: Plural;
  subject: string;
  footer: string;
  /** The title of a coordinator's task to resume or cancel a stalled cycle; {title}: the stalled task's. */
  stallTask: string;
}
