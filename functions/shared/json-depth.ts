/**
 * How deeply JSON text nests its arrays and objects, read without parsing it. The HTTP edge refuses a body
 * nested deeper than any request needs before anything walks it: JSON.parse takes 100,000 levels, but every
 * recursive walk after it (the prototype-key check, JSON.stringify, DynamoDB's 32-level limit) would not.
 */

/** The deepest nesting a request body may have: DynamoDB stores no deeper, and no request needs more. */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in JSON text (brackets inside strings do not count). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index++; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
      continue;
    }
    if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
  return deepest;
}
