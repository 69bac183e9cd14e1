import 'server-only';

import fs from 'node:fs';
import path from 'node:path';

import { isFileSlug, slugify } from '@/lib/content/fields';
import { type DisplayPath, displayPathFor, notASlugMessage, readText } from '@/lib/content/files';
import type { BodySource } from '@/lib/content/content-index';
import { type ArticleRecord, loadArticles } from '@/lib/content/load-articles';
import { markdownToPlainText, renderMarkdown } from '@/lib/content/markdown';
import { checkMoves, loadRemoved } from '@/lib/content/moves';
import { checkTranslations } from '@/lib/content/translations';
import { type CachePart, type ParseCacheStats, diskParseCache, memoryParseCache } from '@/lib/content/parse-cache';
import { type ContentProblem, sortProblems } from '@/lib/content/problems';
import {
  type Author,
  type Category,
  type RemovedArticle,
  authorFrontMatterSchema,
  categoryEntrySchema,
} from '@/lib/content/schema';
import { isRecord, issuesToProblems, parseYaml, readFrontMatter, splitFrontMatter, withoutNulls } from '@/lib/content/source';

export type LoadOptions = {
  /** Keep drafts in the index (they are validated either way). */
  includeDrafts?: boolean;
  /** Read this one article file (`<slug>.md`) and no other: a preview. */
  only?: string;
  /** The time the warnings are about (a breaking strip that has already ended); default: now. */
  now?: Date;
  /** Where `image: /images/x.jpg` is looked up; default: `public` next to the content folder. */
  publicDir?: string;
  /** IMAGE_HOSTS: the other hosts (https) body pictures may come from; default none. */
  imageHosts?: readonly string[];
  /**
   * A folder that keeps parsed articles between loads (see parse-cache.ts);
   * without one, parsed bodies are kept in memory for this load only.
   */
  cacheDir?: string;
  /**
   * Parse only every `count`-th article file, starting at `index`, into the
   * parse cache: several processes fill a cold cache together. The result
   * is not a usable index.
   */
  part?: CachePart;
  /** Called after each article file with how many of them are done (of this load's share) and the total. */
  onProgress?: (done: number, total: number) => void;
};

export type LoadedContent = {
  categories: Category[];
  authors: Author[];
  articles: ArticleRecord[];
  /** Old slug → the slug of the article it moved to. */
  redirects: Map<string, string>;
  removed: RemovedArticle[];
  problems: ContentProblem[];
  /** What is allowed but likely a mistake, with its line: it never stops a build. */
  warnings: ContentProblem[];
  /** The HTML of an article's body: from the parse cache, else rendered again from its file. */
  readBody: (article: BodySource) => string;
  cacheStats: ParseCacheStats;
};

/** Reads, validates and summarizes everything under `rootDir`; never throws for bad content. */
export function readContent(rootDir: string, options: LoadOptions = {}): LoadedContent {
  const root = path.resolve(/* turbopackIgnore: true */ rootDir);
  const display = displayPathFor(root);
  const problems: ContentProblem[] = [];
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    problems.push({
      file: display(root),
      line: 1,
      field: 'file',
      message: 'the content folder does not exist; it holds articles/, authors/ and categories.yml',
    });
    const cacheStats = { parsed: 0, reused: 0 };
    return {
      categories: [],
      authors: [],
      articles: [],
      redirects: new Map(),
      removed: [],
      problems,
      warnings: [],
      readBody: () => '',
      cacheStats,
    };
  }

  const cache = options.cacheDir
    ? diskParseCache(path.resolve(/* turbopackIgnore: true */ options.cacheDir), root, options.part)
    : memoryParseCache();
  const categories = loadCategories(root, display, problems);
  const authors = loadAuthors(root, display, problems);
  const loaded = loadArticles({
    root,
    display,
    problems,
    categories: categories.byName,
    categoryNames: categories.names,
    authors: authors.byId,
    knownAuthorIds: authors.knownIds,
    publicDir: path.resolve(/* turbopackIgnore: true */ options.publicDir ?? path.join(path.dirname(root), 'public')),
    imageHosts: options.imageHosts ?? [],
    includeDrafts: options.includeDrafts ?? false,
    only: options.only,
    now: options.now ?? new Date(),
    warnings: [],
    cache,
    part: options.part,
    onProgress: options.onProgress,
  });
  cache.save();
  // removed.yml is reported after the articles, like the file it is checked against.
  const removedProblems: ContentProblem[] = [];
  const removedEntries = loadRemoved(root, display, removedProblems);
  const moves = checkMoves({ slugFiles: loaded.slugFiles, redirects: loaded.redirects, removed: removedEntries }, problems);
  // A preview reads one file: the others its translationOf names are not there to check against.
  if (options.only === undefined) checkTranslations({ slugFiles: loaded.slugFiles, langs: loaded.langs, translations: loaded.translations }, problems);
  problems.push(...removedProblems);

  return {
    categories: categories.list,
    authors: [...authors.byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id)),
    articles: loaded.records,
    redirects: moves.redirects,
    removed: moves.removed,
    problems: sortProblems(problems),
    warnings: sortProblems(loaded.warnings),
    readBody: bodyReader(cache.bodyReader()),
    cacheStats: cache.stats,
  };
}

/**
 * Bodies come from the parse cache; one missing there (pruned by another
 * process since this load) is rendered again from its file.
 */
function bodyReader(fromCache: (hash: string) => string | undefined): (article: BodySource) => string {
  return (article) => fromCache(article.hash) ?? renderFromFile(article.file);
}

function renderFromFile(file: string): string {
  let raw = '';
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    // Deleted since the index was built: the page shows the headline and summary until the next refresh.
  }
  const split = splitFrontMatter(raw);
  return renderMarkdown(split.ok ? split.body : '');
}

type LoadedCategories = {
  list: Category[];
  /** Lower-cased name → valid category. */
  byName: Map<string, Category>;
  /** Lower-cased name → name as written, including entries with problems. */
  names: Map<string, string>;
};

function loadCategories(root: string, display: DisplayPath, problems: ContentProblem[]): LoadedCategories {
  const absolute = path.join(root, 'categories.yml');
  const file = display(absolute);
  const result: LoadedCategories = { list: [], byName: new Map(), names: new Map() };
  if (!fs.existsSync(absolute)) {
    problems.push({
      file,
      line: 1,
      field: 'file',
      message: 'is missing; create it with a list of categories, e.g. - { name: Politics, description: "Parliament and parties" }',
    });
    return result;
  }
  const raw = readText(absolute, display, problems);
  if (raw === undefined) return result;
  const source = parseYaml(raw, file, 1, 'yaml');
  problems.push(...source.problems);
  if (source.problems.length > 0) return result;
  if (!Array.isArray(source.data)) {
    problems.push({
      file,
      line: 1,
      field: 'categories',
      message: 'must be a list of categories, e.g. - { name: Politics, description: "Parliament and parties" }',
    });
    return result;
  }

  const bySlug = new Map<string, Category>();
  const knownFields = Object.keys(categoryEntrySchema.shape);
  source.data.forEach((entry: unknown, index) => {
    const parsed = categoryEntrySchema.safeParse(withoutNulls(entry));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] }));
      problems.push(...issuesToProblems(issues, source, file, { knownFields, wholeField: 'categories' }));
      // Articles naming a broken entry are not reported twice.
      const name = isRecord(entry) && typeof entry.name === 'string' ? entry.name.trim() : '';
      if (name !== '' && !result.names.has(name.toLowerCase())) result.names.set(name.toLowerCase(), name);
      return;
    }
    const { name, description } = parsed.data;
    const slug = parsed.data.slug ?? slugify(name);
    const line = source.lineOf([index]);
    if (result.names.has(name.toLowerCase())) {
      problems.push({ file, line, field: 'name', message: `"${name}" is listed twice; keep one entry` });
      return;
    }
    if (slug === '') {
      problems.push({
        file,
        line,
        field: 'slug',
        message: `cannot be made from the name "${name}"; add slug: with lower-case letters, digits and hyphens`,
      });
      return;
    }
    const clash = bySlug.get(slug);
    if (clash) {
      problems.push({
        file,
        line,
        field: 'slug',
        message: `"${slug}" is also the slug of "${clash.name}"; give one of them its own slug: field`,
      });
      return;
    }
    const category: Category = { slug, name, description };
    bySlug.set(slug, category);
    result.byName.set(name.toLowerCase(), category);
    result.names.set(name.toLowerCase(), name);
    result.list.push(category);
  });
  return result;
}

type LoadedAuthors = { byId: Map<string, Author>; knownIds: Set<string> };

function loadAuthors(root: string, display: DisplayPath, problems: ContentProblem[]): LoadedAuthors {
  const directory = path.join(root, 'authors');
  const result: LoadedAuthors = { byId: new Map(), knownIds: new Set() };
  if (!fs.existsSync(directory) || !fs.statSync(directory).isDirectory()) {
    problems.push({
      file: display(directory),
      line: 1,
      field: 'file',
      message: `the authors folder is missing; add one file per author, e.g. ${display(path.join(directory, 'jane-doe.md'))}`,
    });
    return result;
  }
  const names = fs
    .readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  const knownFields = Object.keys(authorFrontMatterSchema.shape);
  for (const name of names) {
    const absolute = path.join(directory, name);
    const file = display(absolute);
    const id = name.slice(0, -'.md'.length);
    const before = problems.length;
    if (!isFileSlug(id)) {
      problems.push({ file, line: 1, field: 'file', message: notASlugMessage(name) });
    } else {
      result.knownIds.add(id);
    }
    const raw = readText(absolute, display, problems);
    if (raw === undefined) continue;
    const read = readFrontMatter(raw, file, 'name: "Jane Doe"', problems);
    if (read === undefined) continue;
    const { source, data, body } = read;
    const parsed = authorFrontMatterSchema.safeParse(data);
    if (!parsed.success) {
      problems.push(...issuesToProblems(parsed.error.issues, source, file, { knownFields, wholeField: 'front matter' }));
      continue;
    }
    if (problems.length > before) continue;
    const author: Author = { id, name: parsed.data.name, bio: markdownToPlainText(body) };
    if (parsed.data.role) author.role = parsed.data.role;
    result.byId.set(id, author);
  }
  return result;
}
