import 'server-only';

import fs from 'node:fs';
import path from 'node:path';

import { type ContentIndex, type Neighbours, type Paginated, createContentIndex } from '@/lib/content/content-index';
import { type LoadOptions, readContent } from '@/lib/content/load';
import { readRemovedArticles } from '@/lib/content/moves';
import type { ParseCacheStats } from '@/lib/content/parse-cache';
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
): { index: ContentIndex; problems: ContentProblem[]; stats: ParseCacheStats } {
  const { problems, cacheStats, ...content } = readContent(rootDir, options);
  return { index: createContentIndex(content), problems, stats: cacheStats };
}

/** The site's index as of `at`: what readers could see then. */
export type ContentSnapshot = { index: ContentIndex; at: Date };

export type ContentRefresh =
  | {
      ok: true;
      /** Undefined when nothing was loaded before, so any page may be out of date. */
      before: ContentSnapshot | undefined;
      after: ContentSnapshot;
      stats: ParseCacheStats;
    }
  | { ok: false; problems: ContentProblem[] };

type LiveContent = {
  snapshot?: ContentSnapshot;
  error?: ContentError;
  removed?: Map<string, RemovedArticle>;
  /** The server's first load differs from what the build prerendered: the next refresh updates every page. */
  changedSinceBuild?: boolean;
};

// Shared through globalThis: the server bundles each routes' modules apart,
// and a refresh through /api/revalidate must reach every page of the process.
const LIVE = Symbol.for('dateline.content');

function live(): LiveContent {
  const holder = globalThis as typeof globalThis & { [LIVE]?: Map<string, LiveContent> };
  holder[LIVE] ??= new Map();
  // One per folder and mode, so tests that load several folders keep them apart.
  const key = `${env.contentDir}\0${env.isProduction}`;
  const state = holder[LIVE].get(key) ?? {};
  holder[LIVE].set(key, state);
  return state;
}

// Drafts are served outside production so editors can preview them.
function loadSite() {
  return loadContent(env.contentDir, { includeDrafts: !env.isProduction, cacheDir: env.contentCacheDir });
}

// One parse per process: every page of a build reads the same index, and
// unchanged articles come from the parse cache the content check filled.
function siteIndex(): ContentIndex {
  const state = live();
  if (!state.snapshot && !state.error) {
    const { index, problems } = loadSite();
    if (problems.length > 0) state.error = new ContentError(problems);
    // Pages prerendered by the build show the content as of the build, so a
    // scheduled article that came out since still needs publishing.
    else {
      state.snapshot = { index, at: new Date(Math.min(env.builtAt ?? Date.now(), Date.now())) };
      compareWithBuild(state, index);
    }
  }
  if (state.error) throw state.error;
  if (!state.snapshot) throw new Error('content index missing');
  return state.snapshot.index;
}

/**
 * The build records what it read; a server that starts on other content (a
 * pull before a restart) cannot tell which prerendered pages are out of
 * date, so its first refresh regenerates every page.
 */
function compareWithBuild(state: LiveContent, index: ContentIndex): void {
  if (!env.isProduction) return;
  const file = path.resolve(/* turbopackIgnore: true */ env.buildContentFile);
  if (env.isBuilding) {
    try {
      fs.writeFileSync(file, index.getFingerprint());
    } catch {
      // Without the record a server updates every page on its first refresh, nothing worse.
    }
    return;
  }
  let built = '';
  try {
    built = fs.readFileSync(file, 'utf8');
  } catch {
    // No record: as if the content had changed.
  }
  if (built !== index.getFingerprint()) state.changedSinceBuild = true;
}

/**
 * Reads the content folder again, parsing only files that changed, and
 * serves the result from now on. Content with problems is not served: the
 * previous index stays and the problems are returned.
 */
export function refreshContent(now: Date = new Date()): ContentRefresh {
  const state = live();
  const { index, problems, stats } = loadSite();
  if (problems.length > 0) return { ok: false, problems };
  const before = state.changedSinceBuild ? undefined : state.snapshot;
  const after = { index, at: now };
  state.snapshot = after;
  delete state.error;
  delete state.removed;
  delete state.changedSinceBuild;
  return { ok: true, before, after, stats };
}

/**
 * When the first article scheduled after the content was last read comes
 * out, in ms since the epoch (already past when one is due for publishing);
 * null when none is waiting.
 */
export function getNextPublicationTime(): number | null {
  siteIndex();
  const { snapshot } = live();
  return snapshot ? snapshot.index.getNextPublicationTime(snapshot.at) : null;
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

/**
 * A removed article by slug. Reads removed.yml alone (the build has checked it
 * against the articles), so the proxy answers 410 without loading every article.
 */
export function getRemovedArticle(slug: string): RemovedArticle | null {
  const state = live();
  state.removed ??= new Map(readRemovedArticles(env.contentDir).map((entry) => [entry.slug, entry]));
  return state.removed.get(slug) ?? null;
}
