import 'server-only';

// Site-relative URLs of the pages and machine-readable outputs. They are part
// of the public contract (DESIGN.md), so every builder takes them from here.

export const HOME_PATH = '/';
export const SEARCH_PATH = '/search';
export const MODERATION_PATH = '/moderation';

export const RSS_PATH = '/feed.xml';
export const ATOM_PATH = '/atom.xml';
export const JSON_FEED_PATH = '/feed.json';
export const SITEMAP_PATH = '/sitemap.xml';
export const NEWS_SITEMAP_PATH = '/news-sitemap.xml';

export const articlePath = (slug: string): string => `/articles/${encodeURIComponent(slug)}`;
export const categoryPath = (slug: string): string => `/category/${encodeURIComponent(slug)}`;
export const tagPath = (slug: string): string => `/tag/${encodeURIComponent(slug)}`;
export const authorPath = (id: string): string => `/author/${encodeURIComponent(id)}`;
export const categoryFeedPath = (slug: string): string => `${categoryPath(slug)}/feed.xml`;

/** The generated 1200×630 social image of an article that has no picture of its own. */
export const socialImagePath = (slug: string): string => `${articlePath(slug)}/opengraph-image`;

/** Page `page` of a listing at `basePath`; the first page is the listing itself. */
export function pagedPath(basePath: string, page: number): string {
  if (page <= 1) return basePath;
  return `${basePath === '/' ? '' : basePath}/page/${page}`;
}

/** Part `index` (1-based) of a sitemap split into several files. */
export const sitemapPartPath = (index: number): string => `/sitemaps/${index}.xml`;
