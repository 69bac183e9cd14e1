import { describe, expect, it } from 'vitest';

import { COMMENT_LIMITS } from '@/lib/comments';
import { notFoundResponse, removedArticleResponse, tooLargeResponse } from '@/lib/http';

const OTHER = { siteName: 'Kabul Evening Post', siteLang: 'fa-AF' };

describe('the plain error pages', () => {
  it('carry the site name and language from the settings, never a fixed one', async () => {
    const pages = [
      notFoundResponse(OTHER),
      removedArticleResponse({ slug: 'old', removed: '2026-11-08' }, OTHER),
      tooLargeResponse('/articles/budget', OTHER),
    ];
    expect(pages.map((page) => page.status)).toEqual([404, 410, 413]);
    for (const page of pages) {
      const html = await page.text();
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fa-AF">/);
      expect(html).toContain('| Kabul Evening Post</title>');
      expect(html).toContain('<header><a href="/">Kabul Evening Post</a></header>');
      expect(html).not.toContain('Dateline');
    }
  });

  it('name the real comment limit on the 413 page, and lead back to the comments', async () => {
    const html = await tooLargeResponse('/articles/budget', OTHER).text();
    const limit = new Intl.NumberFormat('en-US').format(COMMENT_LIMITS.body);
    expect(html).toContain(`A comment can be at most ${limit} characters`);
    expect(html).toContain('<h1>Your comment is too long to send</h1>');
    expect(html).toContain('<a href="/articles/budget#comments">Return to the article</a>');
  });

  it('keep the 404 and 413 answers out of every cache', () => {
    expect(notFoundResponse(OTHER).headers.get('cache-control')).toBe('no-store');
    expect(tooLargeResponse('/', OTHER).headers.get('cache-control')).toBe('no-store');
  });
});
