import 'server-only';

import { type ContentIndex, createContentIndex } from '@/lib/content/content-index';
import { readBuildFingerprint, writeBuildFingerprint } from '@/lib/content/build-record';
import { type LoadOptions, readContent } from '@/lib/content/load';
import { readRemovedArticles } from '@/lib/content/moves';
import type { ParseCacheStats } from '@/lib/content/parse-cache';
import { ContentError, type ContentProblem } from '@/lib/content/problems';
import type { Article, RemovedArticle } from '@/lib/content/schema';
import { env } from '@/lib/env';
import { imageHostsFrom } from '@/lib/image-hosts';

// The content this process serves: one index per process, replaced whole by a
// refresh. lib/content/index.ts reads it; nothing else does.

/**
 * Reads and validates a content folder. Pure with respect to the site: it
 * reads only `rootDir` (and the public folder for image sizes), never throws
 * for bad content, and reports every problem.
 */
export function loadContent(
  rootDir: string,
  options: LoadOptions = {},
): { index: ContentIndex; problems: ContentProblem[]; warnings: ContentProblem[]; stats: ParseCacheStats } {
  const { problems, warnings, cacheStats, ...content } = readContent(rootDir, options);
  return { index: createContentIndex(content), problems, warnings, stats: cacheStats };
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
  return loadContent(env.contentDir, {
    includeDrafts: !env.isProduction,
    cacheDir: env.contentCacheDir,
    imageHosts: imageHostsFrom(env.imageHosts),
  });
}

// One parse per process: every page of a build reads the same index, and
// unchanged articles come from the parse cache the content check filled.
export function siteIndex(): ContentIndex {
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
  if (env.isBuilding) writeBuildFingerprint(index.getFingerprint());
  else if (readBuildFingerprint() !== index.getFingerprint()) state.changedSinceBuild = true;
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

/** The index this process serves and when it was read: what search keeps its own index in step with. */
export function getContentSnapshot(): ContentSnapshot {
  siteIndex();
  const { snapshot } = live();
  if (!snapshot) throw new Error('content index missing');
  return snapshot;
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

/**
 * A removed article by slug. Reads removed.yml alone (the build has checked it
 * against the articles), so the proxy answers 410 without loading every article.
 */
export function getRemovedArticle(slug: string): RemovedArticle | null {
  const state = live();
  state.removed ??= new Map(readRemovedArticles(env.contentDir).map((entry) => [entry.slug, entry]));
  return state.removed.get(slug) ?? null;
}

/** What an editor's preview shows: the article as its file is now, or the problems that keep it from being published. */
export type PreviewArticle =
  | { ok: true; article: Article; state: 'draft' | 'scheduled' | 'published' }
  | { ok: false; problems: ContentProblem[] };

/** The latest time a Date holds: at it, every scheduled article is out (for checks that look at all of them). */
export const END_OF_TIME = new Date(8.64e15);

/**
 * One article read fresh from its file, draft or scheduled, for a preview:
 * an editor who saves the file sees the change on reload, before publishing.
 * Never touches the index readers are served, nor the parse cache on disk.
 * Null when there is no such file.
 */
export function getPreviewArticle(slug: string, now: Date = new Date()): PreviewArticle | null {
  const { index, problems } = loadContent(env.contentDir, { includeDrafts: true, only: slug, imageHosts: imageHostsFrom(env.imageHosts) });
  const own = problems.filter((problem) => problem.file.endsWith(`/${slug}.md`) || problem.file === `${slug}.md`);
  if (own.length > 0) return { ok: false, problems: own };
  const article = index.getArticle(slug, END_OF_TIME);
  if (!article) return null;
  const state = article.draft ? 'draft' : Date.parse(article.date) > now.getTime() ? 'scheduled' : 'published';
  return { ok: true, article, state };
}
