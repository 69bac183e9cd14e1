import 'server-only';

import type { Neighbours, Paginated } from '@/lib/content/content-index';
import { siteIndex } from '@/lib/content/live';
import type { Article, ArticleSummary, Author, Category, Correction, RemovedArticle, Tag } from '@/lib/content/schema';

// The content module's public face: what pages, routes and scripts may ask of
// the articles. The index a process serves lives in live.ts; the parts that
// read files and build it stay behind this module.

export type { ContentIndex, ContentStats, Neighbours, Paginated } from '@/lib/content/content-index';
export type { ContentRefresh, ContentSnapshot, PreviewArticle } from '@/lib/content/live';
export { END_OF_TIME, getContentSnapshot, getNextPublicationTime, getPreviewArticle, getRemovedArticle, loadContent, refreshContent } from '@/lib/content/live';
export type { LoadOptions } from '@/lib/content/load';
export { readRemovedSlugs } from '@/lib/content/moves';
export { isoInZone, isTimeZone, newArticleText, slugForHeadline } from '@/lib/content/new-article';
export type { NewArticle } from '@/lib/content/new-article';
export { ContentError, formatProblem, formatProblems, summarizeProblems } from '@/lib/content/problems';
export type { ContentProblem } from '@/lib/content/problems';
export type {
  Article,
  ArticleImage,
  ArticleSummary,
  Author,
  BreakingNews,
  Category,
  Correction,
  RemovedArticle,
  Tag,
} from '@/lib/content/schema';

// The getters read the clock on every call, so a long-running server starts
// serving a scheduled article as soon as its time passes.

/** A digest of the content this server serves: servers with the same content have the same one. */
export function getContentFingerprint(): string {
  return siteIndex().getFingerprint();
}

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

/** The newest corrections of published articles, newest first. */
export function getRecentCorrections(limit = 50): Array<{ article: ArticleSummary; correction: Correction }> {
  return siteIndex().getRecentCorrections(limit, new Date());
}

/** The old slugs (`redirectFrom`) of a published article. */
export function getOldSlugs(slug: string): string[] {
  return siteIndex().getOldSlugs(slug, new Date());
}

/** Old slugs of published articles, each answering a permanent redirect. */
export function getRedirectedSlugs(): string[] {
  return siteIndex().getRedirectedSlugs(new Date());
}

/** The featured article leading the front page, or the page of a category (its primary one), now. */
export function getFeatured(categorySlug?: string): ArticleSummary | null {
  return siteIndex().getFeatured(new Date(), categorySlug);
}

/** The other published versions of the article's story in other languages, by language tag. */
export function getTranslations(slug: string): ArticleSummary[] {
  return siteIndex().getTranslations(slug, new Date());
}

/** Published articles whose breaking strip shows now, newest first. */
export function getBreakingNews(): ArticleSummary[] {
  return siteIndex().getBreakingNews(new Date());
}

/** Every article listed in removed.yml. */
export function getRemovedArticles(): RemovedArticle[] {
  return siteIndex().getRemovedArticles();
}
