import { describe, expect, it } from 'vitest';

import { foldWord, highlight, matchExpression, parseSearchParams, queryTerms, searchTerms, snippet, tokenise } from '@/lib/search';

describe('the search tokeniser', () => {
  it('finds a ZWNJ word written joined, with the joiner, or as two words', () => {
    const indexed = tokenise('ما می‌خواهیم').flatMap((token) => token.terms);
    expect(indexed).toEqual(expect.arrayContaining(['میخواهیم', 'می', 'خواهیم']));
    expect(queryTerms('می‌خواهیم')).toEqual(['میخواهیم']);
    expect(queryTerms('میخواهیم')).toEqual(['میخواهیم']);
    expect(queryTerms('می خواهیم')).toEqual(['می', 'خواهیم']);
  });

  it('folds Arabic yeh and kaf to the Persian letters', () => {
    expect(foldWord('كابل')).toBe(foldWord('کابل'));
    expect(foldWord('علي')).toBe('علی');
    expect(foldWord('مصطفى')).toBe('مصطفی');
  });

  it('drops diacritics, tatweel, hamza and madda, and reads Persian digits as digits', () => {
    expect(foldWord('مُحَمَّد')).toBe('محمد');
    expect(foldWord('افغانـــستان')).toBe('افغانستان');
    expect(foldWord('آب')).toBe(foldWord('اب'));
    expect(foldWord('أفغان')).toBe('افغان');
    expect(foldWord('۱۴۰۵')).toBe('1405');
    expect(foldWord('Café')).toBe('cafe');
  });

  it('keeps the place of each word for highlighting', () => {
    const text = 'Votes in Kabul';
    const [, , kabul] = tokenise(text);
    expect(text.slice(kabul?.start, kabul?.end)).toBe('Kabul');
  });
});

describe('the query parser', () => {
  const hostile = [
    '"unbalanced',
    'title: budget',
    'NEAR(budget senate)',
    'budget -senate',
    '((budget',
    'budget*',
    'AND OR NOT',
    "'; DROP TABLE docs; --",
    '^budget + senate',
  ];
  for (const q of hostile) {
    it(`treats ${JSON.stringify(q)} as words`, () => {
      const parsed = parseSearchParams({ q });
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      for (const { term } of parsed.query.terms) expect(term).toMatch(/^[\p{L}\p{N}]+$/u);
      // Each word is a quoted string: FTS5 reads no operator, column or group in it.
      expect(matchExpression(parsed.query.terms)).toMatch(/^("[\p{L}\p{N}]+"\*? ?)+$/u);
    });
  }

  it('refuses a query over 200 characters with its length', () => {
    const parsed = parseSearchParams({ q: 'a'.repeat(201) });
    expect(parsed).toMatchObject({ ok: false, problem: { code: 'too-long', length: 201 } });
    expect(parseSearchParams({ q: 'a'.repeat(200) }).ok).toBe(true);
  });

  it('checks dates and pages, and takes the first of repeated parameters', () => {
    expect(parseSearchParams({ q: 'x', from: '2026-02-30' })).toMatchObject({ ok: false, problem: { code: 'bad-date', field: 'from' } });
    expect(parseSearchParams({ q: 'x', from: '2026-03-02', to: '2026-03-01' })).toMatchObject({
      ok: false,
      problem: { code: 'dates-reversed' },
    });
    expect(parseSearchParams({ q: 'x', page: '0' })).toMatchObject({ ok: false, problem: { code: 'bad-page' } });
    expect(parseSearchParams({ q: 'x', page: '51' })).toMatchObject({ ok: false, problem: { code: 'bad-page' } });
    expect(parseSearchParams({ q: ['senate', 'budget'], page: '2' })).toMatchObject({ ok: true, query: { text: 'senate', page: 2 } });
  });

  it('lets words of three letters or more find longer forms', () => {
    expect(searchTerms('an election')).toEqual([
      { term: 'an', prefix: false },
      { term: 'election', prefix: true },
    ]);
  });
});

describe('snippets', () => {
  it('marks each searched word, prefixes included', () => {
    const parts = highlight('Two elections, one Election Commission', searchTerms('election'));
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(['elections', 'Election']);
  });

  it('cuts around the words searched for, with ellipses', () => {
    const words = Array.from({ length: 100 }, (_, index) => `word${index}`);
    words[70] = 'ceasefire';
    const parts = snippet(words.join(' '), searchTerms('ceasefire'));
    expect(parts[0]?.text).toBe('… ');
    expect(parts.at(-1)?.text).toBe(' …');
    expect(parts.find((part) => part.match)?.text).toBe('ceasefire');
  });
});
