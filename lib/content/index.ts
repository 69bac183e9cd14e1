import 'server-only';

import { type ContentIndex, type Neighbours, type Paginated, createContentIndex } from '@/lib/content/content-index';
import { type LoadOptions, readContent } from '@/lib/content/load';
import { readRemovedArticles } from '@/lib/content/moves';
import { ContentError, type ContentProblem } from '@/lib/content/problems';
import type { Article, ArticleSummary, Author, Category, RemovedArticle, Tag } from '@/lib/content/schema';
import { env } from '@/lib/env';

export type { ContentIndex, ContentStats, Neighbours, Paginated } from '@/lib/content/content-index';
export type { LoadOptions } from '@/lib/content/load';
export { ContentError, formatProblem, formatProblems, summarizeProblems } from '@/lib/content/problems';
export type { ContentProblem } from '@/lib/content/problems';
export type { Article, ArticleImage, ArticleSummary, Author, Category, RemovedArticle, Tag } from '@/lib/content/schema';

/**
 * Reads and validates a content folder. Pure with respect to the site: it
 * reads only `rootDir` (and the public folder for image sizes), never throws
 * for bad content, and reports every problem.
 */
export function loadContent(
  rootDir: string,
  options: LoadOptions = {},
): { index: ContentIndex; problems: ContentProblem[] } {
  const { problems, ...content } = readContent(rootDir, options);
  return { index: createContentIndex(content), problems };
}

let loaded: { index: ContentIndex } | { error: ContentError } | undefined;

// One parse per process: every page of a build reads the same index. Drafts
// are served outside production so editors can preview them.
function siteIndex(): ContentIndex {
  loaded ??= (() => {
    const { index, problems } = loadContent(env.contentDir, { includeDrafts: !env.isProduction });
    return problems.length > 0 ? { error: new ContentError(problems) } : { index };
  })();
  if ('error' in loaded) throw loaded.error;
  return loaded.index;
}

// The getters read the clock on every call, so a long-running server starts
// serving a scheduled article as soon as its time passes.

export function getLatestArticles(page?: number): Paginated<ArticleSummary> | null {
  return siteIndex().getLatestArticles(page, new Date());
}

export function getArticle(slug: string): Article | null {
  return siteIndex().getArticle(slug, new Date());
}

export function getPublishedSlugs(): string[] {
  return siteIndex().getPublishedSlugs(new Date());
}

export function getCategories(): Category[] {
  return siteIndex().getCategories();
}

export function getCategory(slug: string): Category | null {
  return siteIndex().getCategory(slug);
}

export function getArticlesByCategory(slug: string, page?: number): Paginated<ArticleSummary> | null {
  return siteIndex().getArticlesByCategory(slug, page, new Date());
}

/** Tags of published articles only. */
export function getTags(): Tag[] {
  return siteIndex().getTags(new Date());
}

export function getTag(slug: string): Tag | null {
  return siteIndex().getTag(slug, new Date());
}

export function getArticlesByTag(slug: string, page?: number): Paginated<ArticleSummary> | null {
  return siteIndex().getArticlesByTag(slug, page, new Date());
}

export function getAuthors(): Author[] {
  return siteIndex().getAuthors();
}

export function getAuthor(id: string): Author | null {
  return siteIndex().getAuthor(id);
}

export function getArticlesByAuthor(id: string, page?: number): Paginated<ArticleSummary> | null {
  return siteIndex().getArticlesByAuthor(id, page, new Date());
}

/** `previous` is the next older published article, `next` the next newer one. */
export function getNeighbours(slug: string): Neighbours {
  return siteIndex().getNeighbours(slug, new Date());
}

/** Published articles sharing a category or tag, newest first, never the article itself. */
export function getRelatedArticles(slug: string, limit?: number): ArticleSummary[] {
  return siteIndex().getRelatedArticles(slug, limit, new Date());
}

/** The slug an old article slug now leads to, or null when it is not an old slug of a published article. */
export function getArticleRedirect(oldSlug: string): string | null {
  return siteIndex().getRedirect(oldSlug, new Date());
}

/** Old slugs of published articles, each answering a permanent redirect. */
export function getRedirectedSlugs(): string[] {
  return siteIndex().getRedirectedSlugs(new Date());
}

/** Every article listed in removed.yml. */
export function getRemovedArticles(): RemovedArticle[] {
  return siteIndex().getRemovedArticles();
}

let removedBySlug: Map<string, RemovedArticle> | undefined;

/**
 * A removed article by slug. Reads removed.yml alone (the build has checked it
 * against the articles), so the proxy answers 410 without loading every article.
 */
export function getRemovedArticle(slug: string): RemovedArticle | null {
  removedBySlug ??= new Map(readRemovedArticles(env.contentDir).map((entry) => [entry.slug, entry]));
  return removedBySlug.get(slug) ?? null;
}
