import { describe, expect, it } from 'vitest';

import {
  canonicalLanguageTag,
  isFileSlug,
  parseDateTime,
  slugify,
  suggestFileSlug,
  textDirection,
  writtenOffset,
} from '@/lib/content/fields';

describe('parseDateTime', () => {
  it('converts dates with a zone to UTC', () => {
    expect(parseDateTime('2026-11-02T09:30:00+04:30')).toEqual({
      ok: true,
      iso: '2026-11-02T05:00:00.000Z',
      time: Date.UTC(2026, 10, 2, 5, 0),
    });
    expect(parseDateTime('2026-11-02T09:30Z')).toMatchObject({ ok: true, iso: '2026-11-02T09:30:00.000Z' });
    expect(parseDateTime('2026-11-02 09:30:15-0500')).toMatchObject({ ok: true, iso: '2026-11-02T14:30:15.000Z' });
    expect(parseDateTime('2026-11-02T09:30:00.5+05')).toMatchObject({ ok: true, iso: '2026-11-02T04:30:00.500Z' });
  });

  it('explains a missing zone with an example in the newsroom zone', () => {
    expect(parseDateTime('2026-11-02T09:30')).toEqual({
      ok: false,
      message: '"2026-11-02T09:30" has no time zone; add one, e.g. 2026-11-02T09:30:00+04:30',
    });
  });

  it('rejects impossible dates, times and zones', () => {
    expect(parseDateTime('2026-02-30T10:00:00Z')).toEqual({
      ok: false,
      message: '"2026-02-30T10:00:00Z" is not a real date and time; write it like 2026-11-02T09:30:00+04:30',
    });
    expect(parseDateTime('2026-11-02T24:00:00Z').ok).toBe(false);
    expect(parseDateTime('2026-11-02T10:00:00+15:00')).toEqual({
      ok: false,
      message: '"2026-11-02T10:00:00+15:00" has an impossible time zone; write it like 2026-11-02T09:30:00+04:30',
    });
    expect(parseDateTime('02/11/2026 09:30').ok).toBe(false);
    expect(parseDateTime('2028-02-29T10:00:00Z').ok).toBe(true);
  });
});

describe('slugs', () => {
  it('accepts only lower-case ASCII letters, digits and single hyphens in file names', () => {
    expect(['budget-vote', 'a', '2026-budget'].map(isFileSlug)).toEqual([true, true, true]);
    expect(['My-Story', 'my story', 'a--b', '-a', 'a-', 'kābul', ''].map(isFileSlug)).toEqual([
      false, false, false, false, false, false, false,
    ]);
  });

  it('suggests a file name', () => {
    expect(suggestFileSlug('My Story')).toBe('my-story');
    expect(suggestFileSlug("Women's Rights — Kābul")).toBe('womens-rights-kabul');
    expect(suggestFileSlug('گزارش')).toBe('parliament-passes-budget');
  });

  it('slugifies category and tag names, keeping letters of any script', () => {
    expect(slugify('Human Rights')).toBe('human-rights');
    expect(slugify('Politics & Security')).toBe('politics-security');
    expect(slugify('Côte d’Ivoire')).toBe('cote-divoire');
    expect(slugify('حقوق بشر')).toBe('حقوق-بشر');
    expect(slugify('!!!')).toBe('');
  });
});

describe('languages', () => {
  it('canonicalizes BCP 47 tags and rejects language names', () => {
    expect(canonicalLanguageTag('fa-af')).toBe('fa-AF');
    expect(canonicalLanguageTag('EN')).toBe('en');
    expect(canonicalLanguageTag('pa-arab-pk')).toBe('pa-Arab-PK');
    expect(canonicalLanguageTag('english')).toBeUndefined();
    expect(canonicalLanguageTag('fa_AF')).toBeUndefined();
    expect(canonicalLanguageTag('')).toBeUndefined();
  });

  it('writes right-to-left languages and scripts right to left', () => {
    const rtl = ['fa', 'prs', 'ps', 'ur', 'ar', 'he', 'ckb', 'sd', 'ug', 'yi', 'dv', 'fa-AF', 'ps-AF', 'ur-PK', 'pa-Arab'];
    expect(rtl.map(textDirection)).toEqual(rtl.map(() => 'rtl'));
    const ltr = ['en', 'en-GB', 'de', 'uz', 'pa', 'sd-Deva', 'faroese'];
    expect(ltr.map(textDirection)).toEqual(ltr.map(() => 'ltr'));
  });
});

describe('writtenOffset', () => {
  it('keeps the offset the editor wrote, as +HH:MM', () => {
    expect(writtenOffset('2026-11-02T09:30:00+05:00')).toBe('+05:00');
    expect(writtenOffset('2026-11-02T09:30:00+0430')).toBe('+04:30');
    expect(writtenOffset('2026-11-02T09:30:00-03')).toBe('-03:00');
    expect(writtenOffset('2026-11-02T04:30:00Z')).toBe('+00:00');
    expect(writtenOffset('2026-11-02')).toBeUndefined();
  });
});
