import { afterEach, describe, expect, it, vi } from 'vitest';

import { removedArticleHtml, removedArticleResponse, removedOn } from '@/lib/http/gone';

import { SETTINGS } from '../seo/fixtures';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the removed-article page', () => {
  it('answers 410 Gone, cacheable, kept out of search indexes', async () => {
    const response = removedArticleResponse({ slug: 'old', removed: '2026-11-08' }, SETTINGS);
    expect(response.status).toBe(410);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<h1>This article has been removed</h1>');
    expect(html).toContain('<time datetime="2026-11-08">8 November 2026</time>');
  });

  it('shows the reason as text, never as markup', () => {
    const html = removedArticleHtml(
      { slug: 'old', removed: '2026-11-08', reason: 'Withdrawn </p><script>alert(1)</script>' },
      { siteName: 'Dateline & Co', siteLang: 'fa-AF' },
    );
    expect(html).toContain('<p>Withdrawn &lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html).toContain('<title>Article removed | Dateline &amp; Co</title>');
    expect(html).toContain('<html lang="fa-AF">');
  });

  it('dates a removal written as a day on that day, and one written as a time in the newsroom zone', () => {
    expect(removedOn('2026-11-08')).toBe('8 November 2026');
    // 22:00 UTC is already the next day in Kabul.
    expect(removedOn('2026-11-08T22:00:00.000Z')).toBe('9 November 2026');
  });

  it('is found by the address of a removed article only', async () => {
    vi.stubEnv('DATELINE_CONTENT_DIR', 'tests/fixtures/content/valid');
    vi.resetModules();
    const { removedArticleResponseFor } = await import('@/lib/http/gone');
    expect(removedArticleResponseFor('/articles/kabul-water-rumour')?.status).toBe(410);
    expect(removedArticleResponseFor('/articles/kabul-water-rumour/')?.status).toBe(410);
    expect(removedArticleResponseFor('/articles/kabul-water')).toBeNull();
    expect(removedArticleResponseFor('/articles/kabul-water-rumour/opengraph-image')).toBeNull();
    expect(removedArticleResponseFor('/tag/kabul-water-rumour')).toBeNull();
  });
});
