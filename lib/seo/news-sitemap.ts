import 'server-only';

import type { ArticleSummary } from '@/lib/content';
import { articlePath } from '@/lib/routes';
import { element, XML_DECLARATION } from '@/lib/seo/xml';
import { absoluteUrl, type Settings } from '@/lib/settings';

// Google News sitemaps list only recent articles: those published in the last
// two days, at most 1,000 per file.
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_SITEMAP_LIMIT = 1_000;

/**
 * Articles published within 48 hours before `now` (both edges included,
 * nothing after `now`), newest first, at most `limit`.
 */
export function newsSitemapArticles(articles: readonly ArticleSummary[], now: Date, limit: number = NEWS_SITEMAP_LIMIT): ArticleSummary[] {
  const end = now.getTime();
  const start = end - NEWS_WINDOW_MS;
  return articles
    .map((article) => ({ article, time: Date.parse(article.date) }))
    .filter(({ article, time }) => !article.draft && time >= start && time <= end)
    .sort((a, b) => b.time - a.time)
    .slice(0, limit)
    .map(({ article }) => article);
}

/**
 * The `news:language` code: an ISO 639 language code, except that Google
 * wants `zh-cn` for Simplified and `zh-tw` for Traditional Chinese.
 */
export function newsLanguage(lang: string): string {
  const [language = '', ...subtags] = lang.toLowerCase().split('-');
  if (language !== 'zh') return language;
  const traditional = subtags.includes('hant') || subtags.some((subtag) => ['tw', 'hk', 'mo'].includes(subtag));
  const simplified = subtags.includes('hans');
  return traditional && !simplified ? 'zh-tw' : 'zh-cn';
}

export function newsSitemap(articles: readonly ArticleSummary[], now: Date, settings: Settings): string {
  const urls = newsSitemapArticles(articles, now).map((article) =>
    [
      '<url>',
      element('loc', absoluteUrl(articlePath(article.slug), settings)),
      '<news:news>',
      '<news:publication>',
      element('news:name', settings.siteName),
      element('news:language', newsLanguage(article.lang)),
      '</news:publication>',
      element('news:publication_date', article.date),
      element('news:title', article.title),
      '</news:news>',
      '</url>',
    ].join(''),
  );
  return [
    XML_DECLARATION,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
