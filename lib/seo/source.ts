import 'server-only';

import {
  getArticle,
  getArticlesByCategory,
  getAuthors,
  getCategories,
  getLatestArticles,
  getTags,
  type Article,
  type ArticleSummary,
  type Paginated,
} from '@/lib/content';
import { FEED_SIZE } from '@/lib/seo/feeds';
import type { SitemapInput } from '@/lib/seo/sitemap';

// What the feed and sitemap routes read from the content index. Drafts are
// served to editors outside production but never syndicated or listed for
// crawlers, so they are dropped here whatever the environment.

/** Walks a paginated listing, newest first, until `limit` non-draft articles. */
function collect(load: (page: number) => Paginated<ArticleSummary> | null, limit = Infinity): ArticleSummary[] {
  const seen = new Set<string>();
  const result: ArticleSummary[] = [];
  for (let page = 1; result.length < limit; page += 1) {
    const listing = load(page);
    if (!listing) break;
    for (const item of listing.items) {
      if (item.draft || seen.has(item.slug)) continue;
      seen.add(item.slug);
      result.push(item);
      if (result.length >= limit) break;
    }
    if (page >= listing.totalPages) break;
  }
  return result;
}

/** Every published article, newest first. */
export function getPublishedSummaries(): ArticleSummary[] {
  return collect((page) => getLatestArticles(page));
}

/** The newest articles with their bodies, of the whole site or of one category. */
export function getFeedArticles(categorySlug?: string, limit: number = FEED_SIZE): Article[] {
  const summaries = collect(
    (page) => (categorySlug === undefined ? getLatestArticles(page) : getArticlesByCategory(categorySlug, page)),
    limit,
  );
  return summaries.flatMap((summary) => getArticle(summary.slug) ?? []);
}

export function getSitemapInput(): SitemapInput {
  return { articles: getPublishedSummaries(), categories: getCategories(), tags: getTags(), authors: getAuthors() };
}
