import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { ArticleSummary, Paginated } from '@/lib/content';

import { BUDGET, JANE, manySummaries, POLITICS, SECURITY, summary } from '../seo/fixtures';

// The routes' data comes from the content index; here it is an in-memory list,
// paginated like the real one, so the routes' glue is tested without files.
const content = vi.hoisted(() => ({ articles: [] as ArticleSummary[], pageSize: 10 }));

vi.mock('@/lib/content', () => {
  const paginate = (items: ArticleSummary[], page = 1): Paginated<ArticleSummary> | null => {
    const totalPages = Math.max(1, Math.ceil(items.length / content.pageSize));
    if (page < 1 || page > totalPages) return null;
    const start = (page - 1) * content.pageSize;
    return { items: items.slice(start, start + content.pageSize), page, totalPages, totalItems: items.length, pageSize: content.pageSize };
  };
  const categories = [POLITICS, SECURITY];
  return {
    getLatestArticles: (page?: number) => paginate(content.articles, page),
    getArticlesByCategory: (slug: string, page?: number) =>
      categories.some((category) => category.slug === slug)
        ? paginate(
            content.articles.filter((article) => article.categories.some((category) => category.slug === slug)),
            page,
          )
        : null,
    getArticle: (slug: string) => {
      const found = content.articles.find((article) => article.slug === slug);
      return found ? { ...found, html: `<p><a href="/articles/${slug}#more">more</a></p>` } : null;
    },
    getCategories: () => categories,
    getCategory: (slug: string) => categories.find((category) => category.slug === slug) ?? null,
    getTags: () => [BUDGET],
    getAuthors: () => [JANE],
  };
});

const { categoryFeedResponse, newsSitemapResponse, siteFeedResponse, sitemapPartFiles, sitemapPartResponse, sitemapResponse } =
  await import('@/lib/http/responses');
const { getFeedArticles } = await import('@/lib/seo/source');

beforeEach(() => {
  vi.stubEnv('SITE_URL', 'http://localhost:3000');
  content.pageSize = 10;
  content.articles = manySummaries(60).map((article, index) => (index % 2 === 0 ? { ...article, categories: [SECURITY] } : article));
  content.articles.splice(1, 0, summary({ slug: 'secret-draft', draft: true, date: '2026-11-02T04:30:00.000Z' }));
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('getFeedArticles', () => {
  it('takes the newest 50 published articles with their bodies, never a draft', () => {
    const articles = getFeedArticles();
    expect(articles).toHaveLength(50);
    expect(articles[0]?.slug).toBe('story-1');
    expect(articles.at(-1)?.slug).toBe('story-50');
    expect(articles.map((article) => article.slug)).not.toContain('secret-draft');
    expect(articles[0]?.html).toContain('<p>');
  });

  it('reads one category', () => {
    const articles = getFeedArticles('politics');
    expect(articles).toHaveLength(30);
    expect(articles.every((article) => article.categories[0]?.slug === 'politics')).toBe(true);
  });
});

describe('feed responses', () => {
  it('serve RSS, Atom and JSON Feed with their types, caching headers and the newest time', async () => {
    const cases = [
      ['rss', 'application/rss+xml; charset=utf-8'],
      ['atom', 'application/atom+xml; charset=utf-8'],
      ['json', 'application/feed+json; charset=utf-8'],
    ] as const;
    for (const [format, type] of cases) {
      const response = siteFeedResponse(format);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe(type);
      expect(response.headers.get('Cache-Control')).toBe('public, max-age=0, s-maxage=300, stale-while-revalidate=86400');
      expect(response.headers.get('Last-Modified')).toBe('Mon, 02 Nov 2026 05:00:00 GMT');
      expect(response.headers.get('ETag')).toMatch(/^"[\w-]{32}"$/);
      const body = await response.text();
      const count =
        format === 'rss'
          ? parseRssFeed(body).items?.length
          : format === 'atom'
            ? parseAtomFeed(body).entries?.length
            : parseJsonFeed(JSON.parse(body)).items?.length;
      expect(count).toBe(50);
      if (format !== 'json') expect(XMLValidator.validate(body)).toBe(true);
      expect(body).toContain('http://localhost:3000/articles/story-1#more');
    }
  });

  it('give the same ETag for the same body and a new one when content changes', () => {
    const first = siteFeedResponse('rss').headers.get('ETag');
    expect(siteFeedResponse('rss').headers.get('ETag')).toBe(first);
    content.articles[0] = { ...content.articles[0]!, title: 'Changed' };
    expect(siteFeedResponse('rss').headers.get('ETag')).not.toBe(first);
  });

  it('serve a category feed and nothing for an unknown category', async () => {
    const response = categoryFeedResponse('security');
    const feed = parseRssFeed(await response!.text());
    expect(feed.link).toBe('http://localhost:3000/category/security');
    expect(feed.items).toHaveLength(30);
    expect(categoryFeedResponse('nope')).toBeNull();
  });
});

describe('sitemap responses', () => {
  it('serve one URL set while the site is small, with no parts', async () => {
    const response = sitemapResponse();
    expect(response.headers.get('Content-Type')).toBe('application/xml; charset=utf-8');
    expect(response.headers.get('Last-Modified')).toBe('Mon, 02 Nov 2026 05:00:00 GMT');
    const body = await response.text();
    expect(body).toContain('<urlset');
    expect(body.match(/<url>/g)).toHaveLength(1 + 2 + 1 + 1 + 60);
    expect(body).not.toContain('secret-draft');
    expect(sitemapPartFiles()).toEqual([]);
    expect(sitemapPartResponse('1.xml')).toBeNull();
  });

  it('serve an index and its parts for a large site', async () => {
    content.pageSize = 1_000;
    content.articles = manySummaries(100_000);
    expect(sitemapPartFiles()).toEqual(['1.xml', '2.xml', '3.xml']);
    expect(await sitemapResponse().text()).toContain('<loc>http://localhost:3000/sitemaps/3.xml</loc>');
    const third = await sitemapPartResponse('3.xml')!.text();
    expect(third.match(/<url>/g)).toHaveLength(5);
    expect(sitemapPartResponse('4.xml')).toBeNull();
    expect(sitemapPartResponse('01.xml')).toBeNull();
  });

  it('serve the news sitemap for the two days before `now`', async () => {
    const response = newsSitemapResponse(new Date('2026-11-02T05:00:00.000Z'));
    const body = await response.text();
    expect(body.match(/<url>/g)).toHaveLength(49);
    expect(body).not.toContain('secret-draft');
    expect(response.headers.get('Last-Modified')).toBe('Mon, 02 Nov 2026 05:00:00 GMT');
  });

  it('date an empty news sitemap from when its newest article left the two-day window', async () => {
    const newest = Math.max(...content.articles.map((article) => Date.parse(article.date)));
    const response = newsSitemapResponse(new Date(newest + 5 * 24 * 60 * 60 * 1000));
    expect((await response.text()).match(/<url>/g)).toBeNull();
    expect(response.headers.get('Last-Modified')).toBe(new Date(newest + 2 * 24 * 60 * 60 * 1000).toUTCString());
  });
});
