import { describe, expect, it } from 'vitest';

import { SOCIAL_FONT_FAMILY, socialCardContent, socialImageFonts } from '@/lib/social-image/image';
import { visualRtlWord } from '@/lib/social-image/text';

import { POLITICS, SETTINGS } from '../seo/fixtures';

describe('socialImageFonts', () => {
  it('reads WOFF files the site installs, for Latin and Arabic script, in two weights', () => {
    const { fonts } = socialImageFonts();
    expect(fonts.map((font) => `${font.name} ${font.weight}`)).toEqual([
      'Noto Serif 400',
      'Noto Serif 700',
      'Noto Serif 400',
      'Noto Serif 700',
      'Vazirmatn 400',
      'Vazirmatn 700',
    ]);
    for (const font of fonts) expect(font.data.subarray(0, 4).toString('latin1')).toBe('wOFF');
    expect(SOCIAL_FONT_FAMILY).toBe('"Noto Serif", "Vazirmatn"');
  });

  it('knows which characters they draw, including Arabic presentation forms', () => {
    const { renderable } = socialImageFonts();
    expect(['A', 'é', 'ő', '–', '€', 'ک', '\uFB90', '۲'].every(renderable)).toBe(true);
    expect(['\u{1F600}', '中', 'Ж'].some(renderable)).toBe(false);
  });
});

describe('socialCardContent', () => {
  it('sets the headline, primary section and site name, sizing long headlines down', () => {
    const card = socialCardContent({ title: 'Parliament passes budget', categories: [POLITICS], dir: 'ltr' }, SETTINGS);
    expect(card).toEqual({
      headline: ['Parliament', 'passes', 'budget'],
      section: ['Politics'],
      siteName: ['Dateline'],
      dir: 'ltr',
      headlineSize: 72,
    });
    const long = socialCardContent({ title: 'word '.repeat(40).trim(), categories: [], dir: 'ltr' }, SETTINGS);
    expect(long.headlineSize).toBe(42);
    expect(long.section).toEqual([]);
  });

  it('lays a Dari headline out right to left, dropping what no font can draw', () => {
    const card = socialCardContent({ title: 'تقویم شمسی \u{1F4C5}', categories: [POLITICS], dir: 'rtl' }, SETTINGS);
    expect(card.dir).toBe('rtl');
    expect(card.headline).toEqual([visualRtlWord('تقویم'), visualRtlWord('شمسی')]);
  });
});
