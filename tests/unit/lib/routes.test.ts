import { describe, expect, it } from 'vitest';

import {
  articlePath,
  articleSlugInPath,
  articleSlugOfPage,
  commentsPageHref,
  isArticleShapedPath,
  isSlug,
  pagedPath,
  PROXY_ALL_BUT_STATIC,
  PROXY_SKIPPED_READS,
  replyHref,
  tagPath,
} from '@/lib/routes';
import { config } from '@/proxy';

describe('the slug rule', () => {
  it('takes lower-case letters, digits and single hyphens up to 200 characters', () => {
    expect(isSlug('budget-passes-2026')).toBe(true);
    expect(isSlug('a'.repeat(200))).toBe(true);
    expect(isSlug('a'.repeat(201))).toBe(false);
    for (const bad of ['', 'Budget', 'budget--passes', '-budget', 'budget-', 'bud get', '../x', 42, null]) {
      expect(isSlug(bad)).toBe(false);
    }
  });
});

describe('path builders', () => {
  it('encode what they are given', () => {
    expect(articlePath('budget')).toBe('/articles/budget');
    expect(tagPath('حقوق')).toBe('/tag/%D8%AD%D9%82%D9%88%D9%82');
    expect(pagedPath('/', 2)).toBe('/page/2');
    expect(pagedPath('/tag/x', 1)).toBe('/tag/x');
    expect(commentsPageHref('budget', 1)).toBe('/articles/budget#comments');
    expect(commentsPageHref('budget', 3)).toBe('/articles/budget/comments/page/3#comments');
    expect(replyHref('budget', 7)).toBe('/articles/budget/reply/7#leave-a-reply');
  });

  it('read the slug back out of an address', () => {
    expect(articleSlugInPath('/articles/budget/reply/7')).toBe('budget');
    expect(articleSlugOfPage('/articles/budget/')).toBe('budget');
    expect(articleSlugOfPage('/articles/budget/reply/7')).toBeUndefined();
    expect(isArticleShapedPath('/articles/budget/comments/page/2')).toBe(true);
    expect(isArticleShapedPath('/articles/..%2F..')).toBe(false);
  });
});

describe('proxy.ts matcher', () => {
  // Next reads proxy.ts's config without running it, so the file spells the
  // patterns out; they must stay the ones this module describes.
  it('is the one lib/routes builds', () => {
    const [reads, ...posts] = config.matcher;
    expect(reads).toBe(PROXY_SKIPPED_READS);
    for (const entry of posts) expect(entry).toMatchObject({ source: PROXY_ALL_BUT_STATIC });
  });
});
