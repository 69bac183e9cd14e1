import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { afterAll, describe, expect, it } from 'vitest';

import { readRemovedSlugs } from '@/lib/content';
import { removedArticleRewrites } from '@/lib/content/removed-routes';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function contentWith(removedYml?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-removed-'));
  dirs.push(dir);
  if (removedYml !== undefined) fs.writeFileSync(path.join(dir, 'removed.yml'), removedYml);
  return dir;
}

/** Where Next.js sends `pathname` under these rewrites, matched the way its router matches them. */
function rewrite(rewrites: ReturnType<typeof removedArticleRewrites>, pathname: string): string | null {
  for (const rule of rewrites) {
    const params = getPathMatch(rule.source)(pathname);
    if (params) return rule.destination.replace(':slug', String(params.slug));
  }
  return null;
}

describe('readRemovedSlugs', () => {
  it('reads the slug of every entry of removed.yml', () => {
    const dir = contentWith(
      [
        '- slug: budget-passed',
        '  removed: 2026-11-20',
        '- { slug: 2024, removed: 2026-11-21 }',
        '- slug: " kabul-water "',
        '  removed: 2026-11-22',
      ].join('\n'),
    );
    expect(readRemovedSlugs(dir)).toEqual(['2024', 'budget-passed', 'kabul-water']);
  });

  it('has none when the file is missing, empty or not a list', () => {
    expect(readRemovedSlugs(contentWith())).toEqual([]);
    expect(readRemovedSlugs(contentWith(''))).toEqual([]);
    expect(readRemovedSlugs(contentWith('slug: budget-passed\n'))).toEqual([]);
    expect(readRemovedSlugs(contentWith('- [unclosed\n'))).toEqual([]);
  });

  it('skips what the content check refuses, so no address outside the slug shape is rewritten', () => {
    const dir = contentWith(
      [
        '- { slug: Old Story, removed: 2026-11-20 }',
        '- { slug: "a|b", removed: 2026-11-20 }',
        '- { slug: ok-one, removed: 2026-11-20 }',
        '- { slug: ok-one, removed: 2026-11-21 }',
        '- removed: 2026-11-20',
        '- 7',
      ].join('\n'),
    );
    expect(readRemovedSlugs(dir)).toEqual(['ok-one']);
  });
});

describe('removedArticleRewrites', () => {
  it('sends exactly the removed articles’ addresses to the 410 route', () => {
    const rewrites = removedArticleRewrites(['budget-passed', 'kabul-water']);
    expect(rewrite(rewrites, '/articles/budget-passed')).toBe('/api/removed/budget-passed');
    expect(rewrite(rewrites, '/articles/kabul-water')).toBe('/api/removed/kabul-water');
    expect(rewrite(rewrites, '/articles/budget-passed-again')).toBeNull();
    expect(rewrite(rewrites, '/articles/budget')).toBeNull();
    expect(rewrite(rewrites, '/articles/budget-passed/opengraph-image')).toBeNull();
    expect(rewrite(rewrites, '/category/budget-passed')).toBeNull();
  });

  it('groups a long list into a few rules', () => {
    const slugs = Array.from({ length: 450 }, (_, index) => `removed-${index}`);
    const rewrites = removedArticleRewrites(slugs);
    expect(rewrites).toHaveLength(3);
    for (const slug of [slugs[0], slugs[199], slugs[200], slugs[449]]) {
      expect(rewrite(rewrites, `/articles/${slug}`)).toBe(`/api/removed/${slug}`);
    }
  });

  it('has no rule when nothing was removed', () => {
    expect(removedArticleRewrites([])).toEqual([]);
  });
});
