import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

import { renderSitemapIndex, renderUrlset, SITEMAP_URL_LIMIT, sitemapEntries, sitemapRoot, splitSitemap } from '@/lib/seo/sitemap';

import { BUDGET, JANE, manySummaries, OMAR, POLITICS, SECURITY, SETTINGS, summary, WATER } from './fixtures';

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'sitemap' });

type Urlset = { urlset: { url?: { loc: string; lastmod?: string }[] } };
type Index = { sitemapindex: { sitemap: { loc: string; lastmod?: string }[] } };

describe('sitemapEntries', () => {
  const articles = [
    summary({ slug: 'newest', date: '2026-11-03T10:00:00.000Z', categories: [SECURITY], tags: [WATER], authors: [OMAR] }),
    summary({
      slug: 'updated',
      date: '2026-11-01T10:00:00.000Z',
      updated: '2026-11-04T00:00:00.000Z',
      categories: [POLITICS],
      tags: [BUDGET],
    }),
    summary({
      slug: 'oldest',
      date: '2026-10-30T10:00:00.000Z',
      categories: [POLITICS, SECURITY],
      tags: [BUDGET, WATER],
      authors: [JANE, OMAR],
    }),
  ];
  const entries = sitemapEntries({
    articles,
    categories: [POLITICS, SECURITY, { slug: 'sport', name: 'Sport', description: '' }],
    tags: [BUDGET, WATER],
    authors: [JANE, OMAR],
  });

  it('lists home, every archive and every article, with the newest change as lastmod', () => {
    expect(entries).toEqual([
      { path: '/', lastModified: '2026-11-04T00:00:00.000Z' },
      { path: '/category/politics', lastModified: '2026-11-04T00:00:00.000Z' },
      { path: '/category/security', lastModified: '2026-11-03T10:00:00.000Z' },
      { path: '/category/sport' },
      { path: '/tag/budget', lastModified: '2026-11-04T00:00:00.000Z' },
      { path: '/tag/water', lastModified: '2026-11-03T10:00:00.000Z' },
      { path: '/author/jane-doe', lastModified: '2026-11-04T00:00:00.000Z' },
      { path: '/author/omar-khan', lastModified: '2026-11-03T10:00:00.000Z' },
      { path: '/articles/newest', lastModified: '2026-11-03T10:00:00.000Z' },
      { path: '/articles/updated', lastModified: '2026-11-04T00:00:00.000Z' },
      { path: '/articles/oldest', lastModified: '2026-10-30T10:00:00.000Z' },
    ]);
  });

  it('percent-encodes slugs that are not ASCII', () => {
    const [, tag] = sitemapEntries({ articles: [], categories: [], tags: [{ slug: 'حقوق-بشر', name: 'حقوق بشر' }], authors: [] });
    expect(tag?.path).toBe('/tag/%D8%AD%D9%82%D9%88%D9%82-%D8%A8%D8%B4%D8%B1');
  });

  it('renders a well-formed URL set with absolute locations', () => {
    const xml = renderUrlset(entries, SETTINGS);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parser.parse(xml) as Urlset;
    expect(parsed.urlset.url).toHaveLength(11);
    expect(parsed.urlset.url?.[0]).toEqual({ loc: 'https://news.example.com/', lastmod: '2026-11-04T00:00:00.000Z' });
    expect(parsed.urlset.url?.[3]).toEqual({ loc: 'https://news.example.com/category/sport' });
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  });
});

describe('a story in several languages', () => {
  it('lists every version of it on each version’s URL as an xhtml:link hreflang alternate', () => {
    const stories = [
      summary({ slug: 'calendar', lang: 'en' }),
      summary({ slug: 'calendar-dari', lang: 'fa-AF', translationOf: 'calendar' }),
      summary({ slug: 'alone', lang: 'en' }),
    ];
    const xml = renderUrlset(sitemapEntries({ articles: stories, categories: [], tags: [], authors: [] }), SETTINGS);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">');
    const links = [
      '<xhtml:link rel="alternate" hreflang="en" href="https://news.example.com/articles/calendar"/>',
      '<xhtml:link rel="alternate" hreflang="fa-AF" href="https://news.example.com/articles/calendar-dari"/>',
    ].join('');
    expect(xml).toContain(
      `<url><loc>https://news.example.com/articles/calendar</loc><lastmod>2026-11-02T05:00:00.000Z</lastmod>${links}</url>`,
    );
    expect(xml).toContain(
      `<url><loc>https://news.example.com/articles/calendar-dari</loc><lastmod>2026-11-02T05:00:00.000Z</lastmod>${links}</url>`,
    );
    expect(xml).toContain('<url><loc>https://news.example.com/articles/alone</loc><lastmod>2026-11-02T05:00:00.000Z</lastmod></url>');
  });
});

describe('splitting a large sitemap', () => {
  const entries = sitemapEntries({ articles: manySummaries(120_000), categories: [POLITICS], tags: [BUDGET], authors: [JANE] });

  it('keeps one file up to the limit', () => {
    const parts = splitSitemap(entries.slice(0, SITEMAP_URL_LIMIT));
    expect(parts).toHaveLength(1);
    expect(parts[0]?.path).toBe('/sitemap.xml');
    expect(sitemapRoot(parts, SETTINGS).body).toContain('<urlset');
  });

  it('splits 120,004 URLs into 3 files of at most 50,000 and an index naming them', () => {
    expect(entries).toHaveLength(120_004);
    const parts = splitSitemap(entries);
    expect(parts.map((part) => [part.path, part.entries.length])).toEqual([
      ['/sitemaps/1.xml', 50_000],
      ['/sitemaps/2.xml', 50_000],
      ['/sitemaps/3.xml', 20_004],
    ]);
    expect(parts.flatMap((part) => part.entries)).toEqual(entries);

    const root = sitemapRoot(parts, SETTINGS);
    expect(XMLValidator.validate(root.body)).toBe(true);
    const index = parser.parse(root.body) as Index;
    expect(index.sitemapindex.sitemap).toEqual([
      { loc: 'https://news.example.com/sitemaps/1.xml', lastmod: '2026-11-02T05:00:00.000Z' },
      { loc: 'https://news.example.com/sitemaps/2.xml', lastmod: parts[1]?.lastModified },
      { loc: 'https://news.example.com/sitemaps/3.xml', lastmod: parts[2]?.lastModified },
    ]);
    expect(root.lastModified).toBe('2026-11-02T05:00:00.000Z');

    const last = parser.parse(renderUrlset(parts[2]?.entries ?? [], SETTINGS)) as Urlset;
    expect(last.urlset.url).toHaveLength(20_004);
    expect(last.urlset.url?.at(-1)?.loc).toBe('https://news.example.com/articles/story-120000');
  });

  it('starts an index at one URL over the limit', () => {
    expect(splitSitemap(entries.slice(0, SITEMAP_URL_LIMIT + 1)).map((part) => part.entries.length)).toEqual([50_000, 1]);
  });

  it('renders an index without lastmod for a part that has none', () => {
    expect(renderSitemapIndex([{ path: '/sitemaps/1.xml', entries: [] }], SETTINGS)).toContain(
      '<sitemap><loc>https://news.example.com/sitemaps/1.xml</loc></sitemap>',
    );
  });
});
