import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

import { NEWS_SITEMAP_LIMIT, newsLanguage, newsSitemap, newsSitemapArticles } from '@/lib/seo/news-sitemap';

import { manySummaries, SETTINGS, summary } from './fixtures';

const NOW = new Date('2026-11-03T12:00:00.000Z');
const HOUR = 3_600_000;
const at = (offset: number) => new Date(NOW.getTime() + offset).toISOString();

describe('newsSitemapArticles', () => {
  it('keeps articles from exactly 48 hours ago up to now, and nothing older or scheduled', () => {
    const articles = [
      summary({ slug: 'future', date: at(1) }),
      summary({ slug: 'now', date: at(0) }),
      summary({ slug: 'yesterday', date: at(-24 * HOUR) }),
      summary({ slug: 'edge', date: at(-48 * HOUR) }),
      summary({ slug: 'just-too-old', date: at(-48 * HOUR - 1) }),
      summary({ slug: 'draft', date: at(-HOUR), draft: true }),
    ];
    expect(newsSitemapArticles(articles, NOW).map((article) => article.slug)).toEqual(['now', 'yesterday', 'edge']);
  });

  it('orders by publication time, newest first, whatever the input order', () => {
    const articles = [summary({ slug: 'b', date: at(-2 * HOUR) }), summary({ slug: 'a', date: at(-HOUR) })];
    expect(newsSitemapArticles(articles, NOW).map((article) => article.slug)).toEqual(['a', 'b']);
  });

  it('lists at most 1,000 articles, the newest ones', () => {
    const articles = manySummaries(1_500, NOW.getTime()).map((article, index) => ({
      ...article,
      date: new Date(NOW.getTime() - index * 60_000).toISOString(),
    }));
    const listed = newsSitemapArticles(articles, NOW);
    expect(listed).toHaveLength(NEWS_SITEMAP_LIMIT);
    expect(listed[0]?.slug).toBe('story-1');
    expect(listed.at(-1)?.slug).toBe('story-1000');
  });
});

describe('newsLanguage', () => {
  it('gives the ISO 639 code, with Google’s two Chinese exceptions', () => {
    expect(newsLanguage('en')).toBe('en');
    expect(newsLanguage('en-GB')).toBe('en');
    expect(newsLanguage('fa-AF')).toBe('fa');
    expect(newsLanguage('ps')).toBe('ps');
    expect(newsLanguage('zh')).toBe('zh-cn');
    expect(newsLanguage('zh-Hans-CN')).toBe('zh-cn');
    expect(newsLanguage('zh-TW')).toBe('zh-tw');
    expect(newsLanguage('zh-Hant')).toBe('zh-tw');
    expect(newsLanguage('zh-HK')).toBe('zh-tw');
  });
});

describe('newsSitemap', () => {
  it('renders the Google News format with escaped titles', () => {
    const xml = newsSitemap(
      [
        summary({ slug: 'kabul', title: 'Water & power <update> ]]>', date: at(-HOUR), lang: 'fa-AF' }),
        summary({ slug: 'old', date: at(-72 * HOUR) }),
      ],
      NOW,
      SETTINGS,
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    const parsed = new XMLParser({ isArray: (name) => name === 'url' }).parse(xml) as {
      urlset: { url: { loc: string; 'news:news': Record<string, unknown> }[] };
    };
    expect(parsed.urlset.url).toEqual([
      {
        loc: 'https://news.example.com/articles/kabul',
        'news:news': {
          'news:publication': { 'news:name': 'Dateline', 'news:language': 'fa' },
          'news:publication_date': '2026-11-03T11:00:00.000Z',
          'news:title': 'Water & power <update> ]]>',
        },
      },
    ]);
  });

  it('is a valid empty URL set when nothing is recent', () => {
    const xml = newsSitemap([summary({ date: at(-72 * HOUR) })], NOW, SETTINGS);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<url>');
  });
});
