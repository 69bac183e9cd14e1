// The site's addresses: the slug rule, the path patterns that routing needs,
// and every path builder. URLs are part of the public contract (DESIGN.md),
// so nothing else builds one. This module is imported by pages, client
// components, proxy.ts and next.config.ts (which loads it outside the app's
// bundles), hence no `server-only`, no path aliases and no imports at all.

/** The longest slug an address may carry. */
export const SLUG_MAX_LENGTH = 200;

/**
 * Article slugs (the file name) and author ids: lower-case ASCII letters,
 * digits and single hyphens, e.g. `budget-passes-2026`.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for a well-formed article slug or author id of at most SLUG_MAX_LENGTH characters. */
export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}

/**
 * The looser shape routing matches before anything is looked up (one segment
 * of letters, digits and hyphens). It is a source string because Next's
 * matchers take strings; proxy.ts spells it out in its matcher literal, which
 * tests compare with PROXY_SKIPPED_READS.
 */
export const SLUG_SEGMENT = `[a-z0-9-]{1,${SLUG_MAX_LENGTH}}`;
/** A listing's page number in `/page/N`. */
export const PAGE_SEGMENT = '[0-9]{1,9}';

export const HOME_PATH = '/';
export const SEARCH_PATH = '/search';
export const CORRECTIONS_PATH = '/corrections';

/** A search results page: the words, any filter, and the page past the first. */
export function searchPath(params: { q: string; category?: string; from?: string; to?: string; page?: number }): string {
  const query = new URLSearchParams({ q: params.q });
  if (params.category) query.set('category', params.category);
  if (params.from) query.set('from', params.from);
  if (params.to) query.set('to', params.to);
  if (params.page && params.page > 1) query.set('page', String(params.page));
  return `${SEARCH_PATH}?${query.toString()}`;
}
export const MODERATION_PATH = '/moderation';
/** Drafts and scheduled articles, opened through a signed preview link (lib/preview.ts). */
export const PREVIEW_PATH = '/preview';
/** The preview link's target: it checks the link, turns on draft mode and sends the editor on. */
export const PREVIEW_API_PATH = '/api/preview';

export const RSS_PATH = '/feed.xml';
export const ATOM_PATH = '/atom.xml';
export const JSON_FEED_PATH = '/feed.json';
export const SITEMAP_PATH = '/sitemap.xml';
export const NEWS_SITEMAP_PATH = '/news-sitemap.xml';
export const ROBOTS_PATH = '/robots.txt';

/** Where a removed article's address is answered (app/api/removed/[slug]/route.ts). */
export const REMOVED_ROUTE = '/api/removed';

/** Where the comment form fetches a fresh form token (app/api/comments/token/route.ts). */
export const COMMENT_TOKEN_PATH = '/api/comments/token';
/** The query parameter naming the article a form token is for. */
export const COMMENT_TOKEN_ARTICLE_PARAM = 'article';

/** The address of a fresh form token for the comment form of article `slug`. */
export function commentTokenHref(slug: string): string {
  return `${COMMENT_TOKEN_PATH}?${new URLSearchParams({ [COMMENT_TOKEN_ARTICLE_PARAM]: slug })}`;
}

const ARTICLES = '/articles';

export const articlePath = (slug: string): string => `${ARTICLES}/${encodeURIComponent(slug)}`;
export const previewPath = (slug: string): string => `${PREVIEW_PATH}/${encodeURIComponent(slug)}`;
/** The slug of a preview page's address (`/preview/<slug>`); undefined for any other address. */
export const previewSlugInPath = (pathname: string): string | undefined =>
  pathname.startsWith(`${PREVIEW_PATH}/`) ? decodeURIComponent(pathname.slice(PREVIEW_PATH.length + 1)).replace(/\/+$/, '') : undefined;
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

/** Comment page N (N ≥ 2) of an article: the crawlable pages past the first threads. */
export const commentPagePath = (slug: string, page: number): string => `${articlePath(slug)}/comments/page/${page}`;

/** Where readers land on an article's comments: page 1 of the comments is the article itself. */
export function commentsPageHref(slug: string, page: number): string {
  return `${page <= 1 ? articlePath(slug) : commentPagePath(slug, page)}#comments`;
}

/** Works without JavaScript: a page with the form answering this comment. */
export const replyHref = (slug: string, commentId: number): string => `${articlePath(slug)}/reply/${commentId}#leave-a-reply`;

/** One comment on the moderation page. */
export const moderationCommentPath = (id: number): string => `${MODERATION_PATH}/comments/${id}`;

/** A removed article's address rewritten to the route that answers 410 Gone. */
export const removedArticleRoute = (slug: string): string => `${REMOVED_ROUTE}/${encodeURIComponent(slug)}`;

/** Next's path-to-regexp source that matches `/articles/<one of slugs>`, for a rewrite. */
export const articlesRewriteSource = (slugs: readonly string[]): string => `${ARTICLES}/:slug(${slugs.join('|')})`;

const ARTICLE_SLUG_IN_PATH = new RegExp(`^${ARTICLES}/(${SLUG_SEGMENT})(?:/|$)`);
const ARTICLE_PAGE_PATH = new RegExp(`^${ARTICLES}/(${SLUG_SEGMENT})/?$`);
const ARTICLE_SHAPED_PATH = new RegExp(`^${ARTICLES}/${SLUG_SEGMENT}(?:/[a-z0-9-]{1,40})*/?$`);

/** True for an address under `/articles/`. */
export const isUnderArticles = (pathname: string): boolean => pathname.startsWith(`${ARTICLES}/`);

/** The address has the shape of an article or one of its sub-pages (reply, comment page, social image). */
export const isArticleShapedPath = (pathname: string): boolean => ARTICLE_SHAPED_PATH.test(pathname);

/** The slug of `/articles/<slug>` or of any address below it, or undefined. */
export const articleSlugInPath = (pathname: string): string | undefined => ARTICLE_SLUG_IN_PATH.exec(pathname)?.[1];

/** The slug of exactly `/articles/<slug>` (a trailing slash allowed), or undefined. */
export const articleSlugOfPage = (pathname: string): string | undefined => ARTICLE_PAGE_PATH.exec(pathname)?.[1];

/** The build's own files and the pictures under public/: never worth running proxy.ts for. */
export const STATIC_FILES = '_next/static|_next/image|images/|favicon|icon';

/**
 * The proxy matcher's first entry: every path except static files and plain
 * reads of the pages readers and crawlers ask for most (well-formed
 * addresses of articles, listings and feeds). proxy.ts must repeat it as a
 * literal, because Next reads its `config` without running code.
 */
export const PROXY_SKIPPED_READS =
  `/((?!${STATIC_FILES}|$|page/${PAGE_SEGMENT}$|(?:category|tag|author)/${SLUG_SEGMENT}(?:/page/${PAGE_SEGMENT})?$|` +
  `articles/${SLUG_SEGMENT}$|(?:feed[.]xml|atom[.]xml|feed[.]json|sitemap[.]xml|news-sitemap[.]xml|robots[.]txt)$).*)`;

/** Every path except static files: the proxy entries that catch posts by their headers. */
export const PROXY_ALL_BUT_STATIC = `/((?!${STATIC_FILES}).*)`;
