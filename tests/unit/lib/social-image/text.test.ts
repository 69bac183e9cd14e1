import { describe, expect, it } from 'vitest';

import { isArabicMark, shapeArabic } from '@/lib/social-image/arabic-shaping';
import { layoutWords, visualRtlWord } from '@/lib/social-image/text';

const hex = (text: string) => [...text].map((char) => (char.codePointAt(0) ?? 0).toString(16)).join(' ');

describe('shapeArabic', () => {
  it('gives each letter its initial, medial, final or isolated form', () => {
    // کتاب: kaf initial, teh medial, alef final (right-joining), beh isolated after the alef.
    expect(hex(shapeArabic('کتاب'))).toBe('fb90 fe98 fe8e fe8f');
    expect(hex(shapeArabic('و'))).toBe('feed');
  });

  it('breaks the join at a zero-width non-joiner and drops it', () => {
    // می‌کند: meem initial, yeh final, then a new word-part.
    expect(hex(shapeArabic('می\u200Cکند'))).toBe('fee3 fbfd fb90 fee8 feaa');
  });

  it('writes lam-alef as one ligature and drops vowel marks', () => {
    expect(hex(shapeArabic('لا'))).toBe('fefb');
    expect(hex(shapeArabic('سلام'))).toBe('feb3 fefc fee1');
    expect(hex(shapeArabic('سَلام'))).toBe('feb3 fefc fee1');
    expect(isArabicMark(0x064e)).toBe(true);
  });

  it('leaves letters without a presentation form, and everything else, as they are', () => {
    expect(shapeArabic('ټول')).toBe(`ټ${String.fromCodePoint(0xfeed, 0xfedd)}`);
    expect(shapeArabic('Kabul 2026')).toBe('Kabul 2026');
  });
});

describe('visualRtlWord', () => {
  it('reverses the shaped letters, keeping numbers and Latin in reading order and mirroring brackets', () => {
    expect(hex(visualRtlWord('کتاب'))).toBe('fe8f fe8e fe98 fb90');
    expect(visualRtlWord('۱۴۰۵')).toBe('۱۴۰۵');
    expect(hex(visualRtlWord('(سال۲۰۲۶)'))).toBe(hex(`(۲۰۲۶${String.fromCodePoint(0xfedd, 0xfe8e, 0xfeb3)})`));
    // The question mark ends the word, so it is drawn at its left.
    expect(visualRtlWord('کند؟').startsWith('؟')).toBe(true);
  });
});

describe('layoutWords', () => {
  it('keeps a left-to-right headline as it is', () => {
    expect(layoutWords('Parliament passes  the budget', 'ltr')).toEqual(['Parliament', 'passes', 'the', 'budget']);
  });

  it('orders a right-to-left headline for a row-reverse flex row, with a Latin run reading left to right', () => {
    const words = layoutWords('خط دیورند (Durand Line) در ۲۰۲۶', 'rtl');
    expect(words).toHaveLength(6);
    // A row-reverse row draws the first item at the right: the Latin run is listed last word first.
    expect(words.slice(2, 4)).toEqual(['Line)', '(Durand']);
    expect(words[0]).toBe(visualRtlWord('خط'));
    expect(words[5]).toBe('۲۰۲۶');
  });

  it('gives a neutral word between two words of one direction that direction', () => {
    expect(layoutWords('Kabul — Herat', 'rtl')).toEqual(['Herat', '—', 'Kabul']);
    expect(layoutWords('کابل ( هرات', 'rtl')[1]).toBe(')');
  });

  it('drops invisible characters and those no font can draw', () => {
    expect(layoutWords('Budget\u2066 vote \u{1F600}', 'ltr', (char) => char.codePointAt(0)! < 0x2000)).toEqual(['Budget', 'vote']);
  });
});
