import 'server-only';

import fs from 'node:fs';
import path from 'node:path';

import { type DisplayPath, displayPathFor, readText } from '@/lib/content/files';
import type { ContentProblem } from '@/lib/content/problems';
import { type RemovedArticle, removedEntrySchema } from '@/lib/content/schema';
import { isRecord, issuesToProblems, parseYaml, withoutNulls } from '@/lib/content/source';

// Moved and removed articles. An article's `redirectFrom` lists the slugs it
// had before, whose addresses answer a permanent redirect; `removed.yml` lists
// articles taken down for good, whose addresses answer 410 Gone. Both keep
// every address that was ever published meaning one thing.

/** The list of removed articles, in the content folder. Read here only: every reader goes through `loadRemoved`. */
export const REMOVED_FILE = 'removed.yml';

const REMOVED_EXAMPLE = '- { slug: budget-passed, removed: 2026-11-20, reason: "Withdrawn at the source\'s request" }';

/** An old slug named in an article's `redirectFrom`, with where it is written. */
export type RedirectSource = { slug: string; oldSlug: string; file: string; line: number };

type RemovedEntry = { article: RemovedArticle; file: string; line: number };

/**
 * Reads `removed.yml` in `root`; a missing file means nothing was removed.
 * Entries with problems are reported and left out.
 */
export function loadRemoved(root: string, display: DisplayPath, problems: ContentProblem[]): RemovedEntry[] {
  const absolute = path.join(root, REMOVED_FILE);
  if (!fs.existsSync(absolute)) return [];
  const file = display(absolute);
  const raw = readText(absolute, display, problems);
  if (raw === undefined) return [];
  const source = parseYaml(raw, file, 1, 'yaml');
  problems.push(...source.problems);
  if (source.problems.length > 0 || source.data === null || source.data === undefined) return [];
  if (!Array.isArray(source.data)) {
    problems.push({ file, line: 1, field: 'file', message: `must be a list of removed articles, e.g. ${REMOVED_EXAMPLE}` });
    return [];
  }

  const knownFields = Object.keys(removedEntrySchema.shape);
  const entries: RemovedEntry[] = [];
  const lines = new Map<string, number>();
  source.data.forEach((entry: unknown, index) => {
    const line = source.lineOf([index]);
    if (!isRecord(entry)) {
      problems.push({ file, line, field: 'entry', message: `must be fields, e.g. ${REMOVED_EXAMPLE}` });
      return;
    }
    const parsed = removedEntrySchema.safeParse(withoutNulls(entry));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] }));
      problems.push(...issuesToProblems(issues, source, file, { knownFields, wholeField: 'entry', missingLine: line }));
      return;
    }
    const { slug, removed, reason } = parsed.data;
    const first = lines.get(slug);
    if (first !== undefined) {
      problems.push({ file, line, field: 'slug', message: `"${slug}" is already listed on line ${first}; keep one entry` });
      return;
    }
    lines.set(slug, line);
    entries.push({ article: reason ? { slug, removed, reason } : { slug, removed }, file, line });
  });
  return entries;
}

/** The valid entries of `removed.yml`, without checking them against the articles. */
export function readRemovedArticles(rootDir: string): RemovedArticle[] {
  const root = path.resolve(/* turbopackIgnore: true */ rootDir);
  return loadRemoved(root, displayPathFor(root), []).map((entry) => entry.article);
}

/** The slugs of the valid entries of `removed.yml`, sorted; none when the file is missing or unreadable. */
export function readRemovedSlugs(rootDir: string): string[] {
  return readRemovedArticles(rootDir)
    .map((article) => article.slug)
    .sort();
}

export type MovesInput = {
  /** Every article file's slug → the file, valid or not, draft or not. */
  slugFiles: ReadonlyMap<string, string>;
  redirects: readonly RedirectSource[];
  removed: readonly RemovedEntry[];
};

export type Moves = {
  /** Old slug → the slug of the article it now belongs to. */
  redirects: Map<string, string>;
  removed: RemovedArticle[];
};

/**
 * Checks that every old and removed address leads to exactly one place: an
 * old slug is not a live slug (which would also make loops possible), not
 * claimed by two articles and not removed; a removed slug is not live.
 */
export function checkMoves(input: MovesInput, problems: ContentProblem[]): Moves {
  const removedBySlug = new Map(input.removed.map((entry) => [entry.article.slug, entry]));
  const oldSlugsOf = new Map<string, Set<string>>();
  for (const source of input.redirects) {
    const list = oldSlugsOf.get(source.slug) ?? new Set<string>();
    list.add(source.oldSlug);
    oldSlugsOf.set(source.slug, list);
  }

  const redirects = new Map<string, string>();
  const claimedBy = new Map<string, RedirectSource>();
  for (const source of input.redirects) {
    const { slug, oldSlug } = source;
    const problem = (message: string) =>
      problems.push({ file: source.file, line: source.line, field: 'redirectFrom', message });
    const liveFile = input.slugFiles.get(oldSlug);
    const claim = claimedBy.get(oldSlug);
    const removed = removedBySlug.get(oldSlug);
    if (oldSlug === slug) {
      problem(`"${oldSlug}" is this article's own slug; list only the slugs it had before`);
    } else if (liveFile !== undefined && oldSlugsOf.get(oldSlug)?.has(slug)) {
      problem(
        `"${oldSlug}" is the slug of ${liveFile}, which redirects from "${slug}": the two addresses would redirect to each other in a loop; remove one of them`,
      );
    } else if (liveFile !== undefined) {
      problem(`"${oldSlug}" is the slug of ${liveFile}, a live article; an address cannot be both old and live`);
    } else if (claim && claim.slug !== slug) {
      problem(
        `"${oldSlug}" is already redirected to "${claim.slug}" by ${claim.file}; an old address can lead to one article only`,
      );
    } else if (removed) {
      problem(
        `"${oldSlug}" is listed as removed in ${removed.file}:${removed.line}; an address cannot be both moved and gone`,
      );
    } else if (!claim) {
      claimedBy.set(oldSlug, source);
      redirects.set(oldSlug, slug);
    }
  }

  const removed: RemovedArticle[] = [];
  for (const entry of input.removed) {
    const liveFile = input.slugFiles.get(entry.article.slug);
    if (liveFile !== undefined) {
      problems.push({
        file: entry.file,
        line: entry.line,
        field: 'slug',
        message: `"${entry.article.slug}" is still an article (${liveFile}); delete that file or remove this entry`,
      });
      continue;
    }
    removed.push(entry.article);
  }
  return { redirects, removed };
}
