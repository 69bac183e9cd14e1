import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { loadContent } from '@/lib/content';
import { editDistance, openSearchIndex, parseSearchParams, type SearchQuery } from '@/lib/search';

import { article, removeTrees, validFields, writeTree } from '../content/helpers';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-search-'));
afterAll(() => {
  removeTrees();
  fs.rmSync(folder, { recursive: true, force: true });
});

const NOW = new Date('2026-11-20T00:00:00Z');

function story(day: number, title: string, body: string, fields: Record<string, string | null> = {}): string {
  return article(
    validFields({ date: `2026-11-${String(day).padStart(2, '0')}T09:30:00+04:30`, title: JSON.stringify(title), ...fields }),
    body,
  );
}

const FILES: Record<string, string | null> = {
  'articles/senate.md': story(1, 'How the senate is elected', 'Senators are chosen by the provincial assemblies.'),
  'articles/budget.md': story(2, 'The provincial budget', 'The assembly debates the budget every June.', { categories: '[Security]' }),
  'articles/kabul.md': story(3, 'کابل در زمستان', 'می‌خواهیم راه‌ها در زمستان باز بمانند. مُحَمَّد گفت.', { lang: 'fa-AF' }),
  'articles/draft.md': story(4, 'A secret draft about the senate', 'Not yet.', { draft: 'true' }),
  'articles/later.md': story(25, 'A scheduled senate story', 'Later.'),
};

function query(q: string, extra: Record<string, string> = {}): SearchQuery {
  const parsed = parseSearchParams({ q, ...extra });
  if (!parsed.ok) throw new Error('bad query');
  return parsed.query;
}

describe('the search index, on a real SQLite file', () => {
  const file = path.join(folder, 'cache', 'search', 'articles.sqlite');
  const { index } = loadContent(writeTree(FILES));
  const search = openSearchIndex(file);

  it('holds only published articles: no draft, nothing scheduled', () => {
    expect(search.sync(index, NOW)).toEqual({ added: 3, updated: 0, removed: 0 });
    expect(fs.existsSync(file)).toBe(true);
    expect(search.search(query('senate'), NOW).slugs).toEqual(['senate']);
  });

  it('finds words in the headline and body, all words required, longer forms of a word included', () => {
    expect(search.search(query('provincial'), NOW).slugs.sort()).toEqual(['budget', 'senate']);
    expect(search.search(query('provincial june'), NOW).slugs).toEqual(['budget']);
    expect(search.search(query('senator'), NOW).slugs).toEqual(['senate']);
  });

  it('finds the Dari article whichever way the reader types its words', () => {
    for (const q of ['كابل', 'کابل', 'میخواهیم', 'می‌خواهیم', 'می خواهیم', 'محمد', 'راه‌ها']) {
      expect(search.search(query(q), NOW).slugs, q).toEqual(['kabul']);
    }
  });

  it('filters by section and by date', () => {
    expect(search.search(query('provincial', { category: 'security' }), NOW).slugs).toEqual(['budget']);
    expect(search.search(query('provincial', { from: '2026-11-02' }), NOW).slugs).toEqual(['budget']);
    expect(search.search(query('provincial', { to: '2026-11-01' }), NOW).slugs).toEqual(['senate']);
  });

  it('answers hostile queries with words, never an error', () => {
    for (const q of ['"senate', 'title:senate', 'NEAR(senate)', '-senate', '(senate', 'senate*', 'body: OR AND']) {
      expect(() => search.search(query(q), NOW)).not.toThrow();
    }
    expect(search.search(query('title:senate'), NOW).slugs).toEqual([]);
    expect(search.search(query('"senate'), NOW).slugs).toEqual(['senate']);
  });

  it('is updated by a publication: a new article in, a changed one replaced, a withdrawn one out', () => {
    const { index: next } = loadContent(
      writeTree({
        ...FILES,
        'articles/budget.md': null,
        'articles/senate.md': story(1, 'How the senate is elected', 'Senators are chosen by indirect vote.'),
        'articles/border.md': story(5, 'Border crossings reopen', 'Trucks cross again.'),
      }),
    );
    expect(search.sync(next, NOW)).toEqual({ added: 1, updated: 1, removed: 1 });
    expect(search.search(query('border'), NOW).slugs).toEqual(['border']);
    expect(search.search(query('budget'), NOW).slugs).toEqual([]);
    expect(search.search(query('indirect'), NOW).slugs).toEqual(['senate']);
    // A scheduled article enters when a sync after its time publishes it.
    expect(search.sync(next, new Date('2026-11-26T00:00:00Z')).added).toBe(1);
  });

  it('suggests an indexed word for a misspelt one', () => {
    expect(search.closeTerms('sneate')).toContain('senate');
    expect(editDistance('border', 'boredr', 2)).toBe(1);
  });

  it('starts again from a file that is not an index', () => {
    const broken = path.join(folder, 'broken.sqlite');
    fs.writeFileSync(broken, 'not a database');
    const fresh = openSearchIndex(broken);
    expect(fresh.sync(index, NOW).added).toBe(3);
    fresh.close();
  });
});
