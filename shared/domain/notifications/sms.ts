/**
 * SMS length rules: a message fits two segments when it is at most 306 GSM-7 characters (153 each, with the
 * concatenation header), or at most 134 characters when any character needs UCS-2 (Bulgarian Cyrillic,
 * Romanian ș/ț, Hungarian ő/ű, Slovak č...).
 */

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENDED = '^{}\\[~]|€\f';

/** True when every character is in the GSM 03.38 alphabet. */
export function isGsm7(text: string): boolean {
  return [...text].every((char) => GSM7_BASIC.includes(char) || GSM7_EXTENDED.includes(char));
}

/** Length in septets (extended characters take two) or UTF-16 units. */
export function smsLength(text: string): number {
  if (!isGsm7(text)) return text.length;
  return [...text].reduce((sum, char) => sum + (GSM7_EXTENDED.includes(char) ? 2 : 1), 0);
}

/** Number of segments the text needs. */
export function smsSegments(text: string): number {
  const length = smsLength(text);
  const gsm = isGsm7(text);
  const single = gsm ? 160 : 70;
  const multi = gsm ? 153 : 67;
  return length <= single ? 1 : Math.ceil(length / multi);
}

/** Shortens `text` (with an ellipsis) until it fits two segments. */
export function fitTwoSegments(text: string): string {
  if (smsSegments(text) <= 2) return text;
  let cut = text;
  while (cut.length > 0 && smsSegments(`${cut}…`) > 2) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
