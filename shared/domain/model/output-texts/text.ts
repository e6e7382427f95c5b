/**
 * What a part of a task output says to people in one language: a title (a form's label), a description (the
 * help under it) and examples (what a typical answer looks like). Language-neutral examples (dates, amounts,
 * codes) are given in English only; the other languages fall back to them.
 */
export interface OutputText {
  title: string;
  description?: string;
  examples?: readonly unknown[];
}
