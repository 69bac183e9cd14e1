import 'server-only';

import { shapeArabic } from '@/lib/social-image/arabic-shaping';

// Text for the generated social images. Their renderer lays every string out
// left to right, one character after another, so right-to-left text is put in
// display order here: letters shaped (see arabic-shaping.ts), each word's
// characters reversed with numbers and Latin kept as they read, and words
// ordered for a flex row that runs from the start edge of the paragraph.

export type Direction = 'ltr' | 'rtl';

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
/** Characters the renderer's own Arabic handling would pick up and reverse again (see satori's text engine). */
const ENGINE_ARABIC = /[\u0600-\u065F\u066A-\u06D2\u06FA-\u06FF]/u;
/** Between two digits or letters of a number or Latin word, these keep it one unit: 1,500 · 3.5 · 24/7 · COVID-19. */
const INNER_SEPARATOR = /[.,:/%\u066B\u066C'’-]/u;
const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹',
};
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const ZERO_WIDTH_JOINERS = /[\u200C\u200D]/u;

function strongDirection(word: string): Direction | null {
  for (const char of word) {
    if (RTL_LETTER.test(char)) return 'rtl';
    if (LETTER.test(char)) return 'ltr';
  }
  return null;
}

function isLtrUnitChar(char: string): boolean {
  return DIGIT.test(char) || (LETTER.test(char) && !RTL_LETTER.test(char));
}

function mirror(text: string): string {
  return [...text].map((char) => MIRRORED[char] ?? char).join('');
}

/** One right-to-left word in display order: shaped, then reversed by units that must keep their own order. */
export function visualRtlWord(word: string): string {
  const chars = [...shapeArabic(word)];
  const units: string[] = [];
  let index = 0;
  while (index < chars.length) {
    const char = chars[index] ?? '';
    let end = index + 1;
    if (isLtrUnitChar(char)) {
      while (end < chars.length) {
        const next = chars[end] ?? '';
        if (isLtrUnitChar(next)) end += 1;
        else if (INNER_SEPARATOR.test(next) && isLtrUnitChar(chars[end + 1] ?? '')) end += 2;
        else break;
      }
    } else if (ENGINE_ARABIC.test(char)) {
      // The renderer reverses such a run itself, so it stays in reading order here.
      while (end < chars.length && ENGINE_ARABIC.test(chars[end] ?? '')) end += 1;
    }
    const unit = chars.slice(index, end).join('');
    units.push(end - index === 1 ? mirror(unit) : unit);
    index = end;
  }
  return units.reverse().join('');
}

/**
 * The words of `text` for a flex row whose main axis starts at the paragraph's
 * start edge (`row` for ltr, `row-reverse` for rtl), so the row can wrap like
 * a line of text. Neutral words (numbers, dashes) between two words of one
 * direction take that direction; runs against the paragraph's direction are
 * reversed so they read correctly. `renderable` drops characters no shipped
 * font can draw, which the renderer would otherwise try to fetch a font for.
 */
export function layoutWords(text: string, paragraph: Direction, renderable: (char: string) => boolean = () => true): string[] {
  const words = text
    .normalize('NFC')
    .split(/[\s\p{Zs}]+/u)
    .map((word) => [...word].filter((char) => ZERO_WIDTH_JOINERS.test(char) || !INVISIBLE.test(char)).join(''))
    .filter((word) => word !== '');
  const strong = words.map(strongDirection);
  const resolved = strong.map((direction, index): Direction => {
    if (direction) return direction;
    const before = strong
      .slice(0, index)
      .reverse()
      .find((item) => item !== null);
    const after = strong.slice(index + 1).find((item) => item !== null);
    return before && before === after ? before : paragraph;
  });

  const ordered: { word: string; direction: Direction; strong: Direction | null }[] = [];
  let index = 0;
  while (index < words.length) {
    const direction = resolved[index] ?? paragraph;
    let end = index + 1;
    while (end < words.length && resolved[end] === direction) end += 1;
    const run = words.slice(index, end).map((word, offset) => ({ word, direction, strong: strong[index + offset] ?? null }));
    ordered.push(...(direction === paragraph ? run : run.reverse()));
    index = end;
  }

  return ordered
    .map((item) => {
      const visual = item.strong === 'rtl' ? visualRtlWord(item.word) : item.direction === 'rtl' ? mirror(item.word) : item.word;
      return [...visual].filter((char) => !ZERO_WIDTH_JOINERS.test(char) && renderable(char)).join('');
    })
    .filter((word) => word !== '');
}
