import 'server-only';

import type { MetadataRoute } from 'next';

import { MODERATION_PATH, NEWS_SITEMAP_PATH, PREVIEW_PATH, SEARCH_PATH, SITEMAP_PATH } from '@/lib/routes';
import { absoluteUrl, type Settings } from '@/lib/settings';

/** What `/robots.txt` says: crawl everything except moderation, previews and search results; here are the sitemaps. */
export function robotsRules(settings: Pick<Settings, 'siteUrl'>): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: [MODERATION_PATH, PREVIEW_PATH, SEARCH_PATH] },
    sitemap: [absoluteUrl(SITEMAP_PATH, settings), absoluteUrl(NEWS_SITEMAP_PATH, settings)],
  };
}
