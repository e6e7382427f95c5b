/**
 * The keys every language must provide. Placeholders: {title}, {due}, {days}, {municipality}, {count}.
 * TypeScript (`satisfies Catalog`) and a test both fail when a catalogue misses a key.
 */
export interface Catalog {
  assigned: string;
  reminder: string;
  overdue: string;
  escalated: string;
  digest: string;
  subject: string;
  footer: string;
}
