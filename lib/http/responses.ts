import 'server-only';

import { getCategory, type ArticleSummary } from '@/lib/content';
import { outputResponse, XML_CONTENT_TYPE } from '@/lib/http/headers';
import {
  atomFeed,
  categoryFeedChannel,
  FEED_CONTENT_TYPES,
  getFeedArticles,
  getPublishedSummaries,
  getSitemapInput,
  jsonFeed,
  newestChange,
  NEWS_WINDOW_MS,
  newsSitemap,
  newsSitemapArticles,
  renderUrlset,
  rssFeed,
  siteFeedChannel,
  sitemapEntries,
  sitemapRoot,
  splitSitemap,
  type FeedFormat,
} from '@/lib/seo';
import { getSettings } from '@/lib/settings';

// The bodies and headers of the feed and sitemap routes, so each route file
// only names its URL and how it is cached.

export function siteFeedResponse(format: FeedFormat): Response {
  const settings = getSettings();
  const articles = getFeedArticles();
  const channel = siteFeedChannel(settings, format);
  const body =
    format === 'rss'
      ? rssFeed(channel, articles, settings)
      : format === 'atom'
        ? atomFeed(channel, articles, settings)
        : jsonFeed(channel, articles, settings);
  return outputResponse(body, { contentType: FEED_CONTENT_TYPES[format], lastModified: newestChange(articles) });
}

/** The RSS feed of one category, or null for an unknown category. */
export function categoryFeedResponse(slug: string): Response | null {
  const category = getCategory(slug);
  if (!category) return null;
  const settings = getSettings();
  const articles = getFeedArticles(slug);
  const body = rssFeed(categoryFeedChannel(category, settings), articles, settings);
  return outputResponse(body, { contentType: FEED_CONTENT_TYPES.rss, lastModified: newestChange(articles) });
}

function sitemapParts() {
  return splitSitemap(sitemapEntries(getSitemapInput()));
}

/** `/sitemap.xml`: every URL, or an index of `/sitemaps/N.xml` when there are too many for one file. */
export function sitemapResponse(): Response {
  const { body, lastModified } = sitemapRoot(sitemapParts(), getSettings());
  return outputResponse(body, { contentType: XML_CONTENT_TYPE, lastModified });
}

/** The file names of the sitemap parts (`1.xml`, …); none while one file holds every URL. */
export function sitemapPartFiles(): string[] {
  const parts = sitemapParts();
  return parts.length > 1 ? parts.map((_part, index) => `${index + 1}.xml`) : [];
}

/** Part `file` (`N.xml`) of a split sitemap, or null when there is no such part. */
export function sitemapPartResponse(file: string): Response | null {
  const match = /^([1-9]\d*)\.xml$/.exec(file);
  const parts = sitemapParts();
  const part = match && parts.length > 1 ? parts[Number(match[1]) - 1] : undefined;
  if (!part) return null;
  const body = renderUrlset(part.entries, getSettings());
  return outputResponse(body, { contentType: XML_CONTENT_TYPE, lastModified: part.lastModified });
}

export function newsSitemapResponse(now: Date = new Date()): Response {
  const articles = getPublishedSummaries();
  const body = newsSitemap(articles, now, getSettings());
  const lastModified = newestChange(newsSitemapArticles(articles, now)) ?? emptiedAt(articles, now);
  return outputResponse(body, { contentType: XML_CONTENT_TYPE, lastModified });
}

/** An empty news sitemap last changed when its newest article left the 48-hour window. */
function emptiedAt(articles: readonly ArticleSummary[], now: Date): string | undefined {
  const times = articles.map((article) => Date.parse(article.date)).filter((time) => time <= now.getTime());
  if (times.length === 0) return undefined;
  return new Date(Math.min(Math.max(...times) + NEWS_WINDOW_MS, now.getTime())).toISOString();
}
