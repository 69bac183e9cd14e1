const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

function firstGrapheme(word: string): string {
  if (!segmenter) return [...word][0] ?? '';
  for (const { segment } of segmenter.segment(word)) return segment;
  return '';
}

// Letters of the Arabic script join to their neighbours; initials are separate letters.
const JOINING = /\p{Script=Arabic}/u;
const ZWNJ = '\u200C';

/**
 * Up to two initials of a name: the first letter (or digit) of each of its
 * first two words, with any combining marks. Works for any script; "?" when
 * the name has no letter at all.
 */
export function initials(name: string): string {
  const words = name
    .normalize('NFC')
    .split(/\s+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter((word) => word !== '');
  const letters = words.slice(0, 2).map((word) => firstGrapheme(word).toLocaleUpperCase());
  if (letters.length === 0) return '?';
  const [first = '', second] = letters;
  if (second === undefined) return first;
  return JOINING.test(first) && JOINING.test(second) ? `${first}${ZWNJ}${second}` : `${first}${second}`;
}

/** How many avatar colours there are (see comment-avatar.tsx). */
export const AVATAR_TONES = 12;

/** One of AVATAR_TONES colours from the name alone, so one name always gets one colour. FNV-1a. */
export function avatarTone(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name.normalize('NFC').trim().toLocaleLowerCase()) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % AVATAR_TONES;
}
