import { afterAll, describe, expect, it } from 'vitest';

import { loadContent, type ContentSnapshot } from '@/lib/content';
import { pagesShowingChanges } from '@/lib/publishing/changes';
import { site } from '@/lib/site';

import { article, removeTrees, validFields, writeTree } from '../content/helpers';

afterAll(removeTrees);

const NOW = new Date('2026-11-20T00:00:00Z');
const FEEDS_AND_SITEMAPS = ['/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/news-sitemap.xml'];

function story(day: number, fields: Record<string, string | null> = {}): string {
  return article(validFields({ date: `2026-11-${String(day).padStart(2, '0')}T09:30:00+04:30`, ...fields }));
}

/** Enough Politics stories for two pages, and one Security story by another author. */
function baseFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let day = 1; day <= site.pageSize + 1; day += 1) files[`articles/politics-${day}.md`] = story(day, { tags: '[budget]' });
  files['articles/security-1.md'] = story(1, { categories: '[Security]', author: 'omar-khan', tags: '[border]' });
  return files;
}

function snapshot(files: Record<string, string | null>, at: Date = NOW): ContentSnapshot {
  const { index, problems } = loadContent(writeTree(files));
  expect(problems).toEqual([]);
  return { index, at };
}

describe('pagesShowingChanges', () => {
  it('names a new article, its neighbour, every page of its listings, its feeds and the sitemaps', () => {
    const before = snapshot(baseFiles());
    const after = snapshot({ ...baseFiles(), 'articles/breaking.md': story(19, { categories: '[Security]', tags: '[border, water]' }) });
    const changes = pagesShowingChanges(before, after);
    expect(changes).toMatchObject({ everything: false, published: ['breaking'], updated: [], withdrawn: [] });
    expect(changes.paths.sort()).toEqual(
      [
        '/articles/breaking',
        '/articles/breaking/opengraph-image',
        // The newest article before links to the new one as "next" now.
        `/articles/politics-${site.pageSize + 1}`,
        '/',
        '/page/2',
        '/category/security',
        '/category/security/feed.xml',
        '/tag/border',
        '/tag/water',
        '/author/j-doe',
        '/author/j-doe/page/2',
        // Any changed article may carry a correction.
        '/corrections',
        ...FEEDS_AND_SITEMAPS,
      ].sort(),
    );
  });

  it('names nothing when nothing a reader sees has changed', () => {
    expect(pagesShowingChanges(snapshot(baseFiles()), snapshot(baseFiles()))).toEqual({
      everything: false,
      paths: [],
      published: [],
      updated: [],
      withdrawn: [],
    });
  });

  it('publishes a scheduled article when its time has come, with the same files', () => {
    const files = { ...baseFiles(), 'articles/tomorrow.md': story(21, { categories: '[Government]' }) };
    const { index } = loadContent(writeTree(files));
    const changes = pagesShowingChanges({ index, at: NOW }, { index, at: new Date('2026-11-21T06:00:00Z') });
    expect(changes.published).toEqual(['tomorrow']);
    expect(changes.paths).toEqual(
      expect.arrayContaining(['/articles/tomorrow', '/', '/page/2', '/category/government', '/author/j-doe', '/feed.xml']),
    );
  });

  it('names the pages of a corrected article and of the listings it left', () => {
    const before = snapshot(baseFiles());
    const after = snapshot({
      ...baseFiles(),
      'articles/security-1.md': story(1, { title: 'Corrected', categories: '[Government]', author: 'omar-khan' }),
    });
    const changes = pagesShowingChanges(before, after);
    expect(changes.updated).toEqual(['security-1']);
    expect(changes.paths).toEqual(
      expect.arrayContaining(['/articles/security-1', '/category/security', '/category/government', '/tag/border', '/author/omar-khan']),
    );
  });

  it('names the page of a deleted article, so it stops being served', () => {
    const changes = pagesShowingChanges(snapshot(baseFiles()), snapshot({ ...baseFiles(), 'articles/security-1.md': null }));
    expect(changes.withdrawn).toEqual(['security-1']);
    expect(changes.paths).toEqual(expect.arrayContaining(['/articles/security-1', '/category/security', ...FEEDS_AND_SITEMAPS]));
  });

  it('asks for every page when a category or an author changes, or when there is nothing to compare with', () => {
    const renamed = { ...baseFiles(), 'authors/omar-khan.md': '---\nname: Omar A. Khan\n---\nEdits the desk.\n' };
    expect(pagesShowingChanges(snapshot(baseFiles()), snapshot(renamed)).everything).toBe(true);
    expect(pagesShowingChanges(undefined, snapshot(baseFiles())).everything).toBe(true);
  });

  it('asks for every page when the breaking strip ends by the clock, with the same files', () => {
    const files = {
      ...baseFiles(),
      'articles/flash.md': story(19, { breaking: '"Polls close early"', breakingUntil: '2026-11-20T06:00:00+04:30' }),
    };
    const before = snapshot(files, new Date('2026-11-20T01:00:00Z'));
    const after = snapshot(files, new Date('2026-11-20T01:30:01Z'));
    expect(pagesShowingChanges(before, after)).toMatchObject({ everything: true, published: [], updated: [], withdrawn: [] });
    // Still showing: nothing to do.
    expect(pagesShowingChanges(before, snapshot(files, new Date('2026-11-20T01:29:59Z'))).everything).toBe(false);
  });

  it('names the front page and the section whose featured lead ends by the clock', () => {
    const files = {
      ...baseFiles(),
      'articles/security-lead.md': story(2, { categories: '[Security]', featured: 'true', featuredUntil: '2026-11-20T06:00:00+04:30' }),
    };
    const before = snapshot(files, new Date('2026-11-20T01:00:00Z'));
    const changes = pagesShowingChanges(before, snapshot(files, new Date('2026-11-20T01:30:01Z')));
    expect(changes).toMatchObject({ everything: false, published: [], updated: [], withdrawn: [] });
    expect(changes.paths).toEqual(expect.arrayContaining(['/', '/category/security']));
    expect(changes.paths).not.toContain('/category/politics');
  });
});
