import { describe, expect, it } from 'vitest';

import { articleLocale, formatCount, labelLang, messagesFor, wordsAttributes } from '@/lib/i18n';

describe('messagesFor', () => {
  it('reads the file of the language, whatever the region or case of the tag', () => {
    expect(messagesFor('fa-AF', 'en').lang).toBe('fa-AF');
    expect(messagesFor('fa-af', 'en').lang).toBe('fa-AF');
    expect(messagesFor('fa', 'en').lang).toBe('fa-AF');
    expect(messagesFor('ps-AF', 'en').lang).toBe('ps');
    expect(messagesFor('ur-PK', 'en').lang).toBe('ur');
    expect(messagesFor('en-GB', 'ps').lang).toBe('en');
  });

  it('falls back to the site language (SITE_LANG) for a language without messages, then to English', () => {
    expect(messagesFor('uz', 'ps').lang).toBe('ps');
    expect(messagesFor('uz', 'fa-AF').commentForm.heading).toBe('دیدگاه خود را بنویسید');
    expect(messagesFor('uz', 'de').lang).toBe('en');
  });

  it('keeps lang attributes honest: a fallback label carries its own language, a native one none', () => {
    expect(labelLang('uz', messagesFor('uz', 'en'))).toBe('en');
    expect(labelLang('fa-AF', messagesFor('fa-AF', 'en'))).toBeUndefined();
    expect(articleLocale({ lang: 'uz', date: '2026-11-02T04:30:00.000Z' }, 'en').labelLang).toBe('en');
    expect(wordsAttributes(messagesFor('fa-AF', 'en'), 'en')).toEqual({ lang: 'fa-AF', dir: 'rtl' });
    expect(wordsAttributes(messagesFor('en', 'en'), 'en')).toEqual({});
  });
});

describe('formatCount', () => {
  it('counts in the language’s digits and plural forms', () => {
    const english = messagesFor('en', 'en');
    expect(formatCount(english.comments.count, 1, english)).toBe('1 Comment');
    expect(formatCount(english.comments.count, 1200, english)).toBe('1,200 Comments');
    const dari = messagesFor('fa-AF', 'en');
    expect(formatCount(dari.comments.count, 3, dari)).toBe('۳ دیدگاه');
    const pashto = messagesFor('ps', 'en');
    expect(formatCount(pashto.comments.count, 1, pashto)).toBe('۱ تبصره');
    expect(formatCount(pashto.comments.count, 2, pashto)).toBe('۲ تبصرې');
    const urdu = messagesFor('ur', 'en');
    expect(formatCount(urdu.article.readingTime, 3, urdu)).toBe('3 منٹ کا مطالعہ');
  });
});
