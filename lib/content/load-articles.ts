import 'server-only';

import fs from 'node:fs';
import path from 'node:path';

import { imageSize } from 'image-size';
import type { z } from 'zod';

import { isFileSlug, slugify, textDirection, writtenOffset } from '@/lib/content/fields';
import { type DisplayPath, notASlugMessage, readText } from '@/lib/content/files';
import { type MarkdownFacts, normalizeSpace, renderArticleBody } from '@/lib/content/markdown';
import type { RedirectSource } from '@/lib/content/moves';
import type { TranslationSource } from '@/lib/content/translations';
import { type CachePart, type ParseCache, hashText } from '@/lib/content/parse-cache';
import type { ContentProblem } from '@/lib/content/problems';
import {
  type ArticleFrontMatter,
  type ArticleImage,
  type ArticleSummary,
  type Author,
  type Category,
  type Tag,
  createArticleFrontMatterSchema,
} from '@/lib/content/schema';
import { type YamlSource, issuesToProblems, readFrontMatter } from '@/lib/content/source';
import { remoteImageProblem } from '@/lib/image-hosts';
import { site } from '@/lib/site';

/** An article as the index keeps it: the summary, and where to find the body later. */
export type ArticleRecord = {
  summary: ArticleSummary;
  file: string;
  time: number;
  /** The file's content hash: where the parse cache keeps the body's HTML. */
  hash: string;
};

type ArticlesContext = {
  root: string;
  display: DisplayPath;
  problems: ContentProblem[];
  /** Lower-cased name → valid category. */
  categories: ReadonlyMap<string, Category>;
  /** Lower-cased name → name as written, including categories.yml entries with problems. */
  categoryNames: ReadonlyMap<string, string>;
  authors: ReadonlyMap<string, Author>;
  knownAuthorIds: ReadonlySet<string>;
  publicDir: string;
  /** IMAGE_HOSTS: the other hosts body pictures may come from (lib/image-hosts.ts). */
  imageHosts: readonly string[];
  includeDrafts: boolean;
  /** The one slug to read (a preview); unset: every article file. */
  only?: string;
  now: Date;
  warnings: ContentProblem[];
  cache: ParseCache;
  part?: CachePart;
  onProgress?: (done: number, total: number) => void;
};

type Size = { width: number; height: number };
const MARKDOWN_LIKE = /\.(?:md|markdown|mdown|mkd|mdx)$/i;

/** Markdown files of a folder, its own files before its subfolders', each in name order. */
function listArticleFiles(directory: string, display: DisplayPath, problems: ContentProblem[]): string[] {
  const entries = fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const absolute = path.join(directory, entry.name);
    const stat = entry.isSymbolicLink() ? fs.statSync(absolute, { throwIfNoEntry: false }) : entry;
    if (stat?.isDirectory()) {
      folders.push(absolute);
    } else if (stat?.isFile() && entry.name.endsWith('.md')) {
      files.push(absolute);
    } else if (MARKDOWN_LIKE.test(entry.name)) {
      problems.push({
        file: display(absolute),
        line: 1,
        field: 'file',
        message: `"${entry.name}" is not read; article files must end in .md`,
      });
    }
  }
  return [...files, ...folders.flatMap((folder) => listArticleFiles(folder, display, problems))];
}

export type LoadedArticles = {
  records: ArticleRecord[];
  /** Every article file's slug → its file, so old and removed slugs can be checked against them. */
  slugFiles: Map<string, string>;
  /** The `redirectFrom` entries of every valid article, drafts included. */
  redirects: RedirectSource[];
  /** The `translationOf` of every valid article, drafts included, and every valid article's language. */
  translations: TranslationSource[];
  langs: Map<string, string>;
  warnings: ContentProblem[];
};

/** How long after publication a strip that has already ended is likely a typo rather than history. */
const RECENT_MS = 7 * 24 * 3_600_000;

export function loadArticles(context: ArticlesContext): LoadedArticles {
  const { root, display, problems } = context;
  const directory = path.join(root, 'articles');
  if (!fs.existsSync(directory) || !fs.statSync(directory).isDirectory()) {
    problems.push({
      file: display(directory),
      line: 1,
      field: 'file',
      message: `the articles folder is missing; add one file per article, e.g. ${display(path.join(directory, 'budget-vote.md'))}`,
    });
    return { records: [], slugFiles: new Map(), redirects: [], translations: [], langs: new Map(), warnings: context.warnings };
  }

  const schemas = createArticleFrontMatterSchema({
    authorIds: context.knownAuthorIds,
    categoryNames: context.categoryNames,
    authorsDir: `${display(path.join(root, 'authors'))}/`,
  });
  const slugOwners = new Map<string, string>();
  const tags = new Map<string, Tag>();
  const imageSizes = new Map<string, Size | string>();
  const records: ArticleRecord[] = [];
  const redirects: RedirectSource[] = [];
  const translations: TranslationSource[] = [];
  const langs = new Map<string, string>();

  const listed = listArticleFiles(directory, display, problems);
  const files = context.only === undefined ? listed : listed.filter((file) => path.basename(file) === `${context.only}.md`);
  const share = context.part ? Math.ceil((files.length - context.part.index) / context.part.count) : files.length;
  let done = 0;
  for (const [position, absolute] of files.entries()) {
    // A part load only fills the parse cache with its share of the files (see parse-cache.ts).
    if (context.part && position % context.part.count !== context.part.index) continue;
    context.onProgress?.(done++, share);
    const file = display(absolute);
    const fileName = path.basename(absolute);
    const slug = fileName.slice(0, -'.md'.length);
    const before = problems.length;
    if (!isFileSlug(slug)) {
      problems.push({ file, line: 1, field: 'file', message: notASlugMessage(fileName) });
    } else {
      const owner = slugOwners.get(slug);
      if (owner !== undefined) {
        problems.push({
          file,
          line: 1,
          field: 'file',
          message: `slug "${slug}" is also used by ${owner}; rename one of them`,
        });
      } else {
        slugOwners.set(slug, file);
      }
    }

    const parsed = parseArticle(absolute, file, context, schemas, problems);
    if (parsed === undefined) continue;
    const { frontMatter, facts, hash, lineOf } = parsed;
    let size: Size | undefined;
    if (frontMatter.image !== undefined) {
      const result = readImageSize(path.join(context.publicDir, frontMatter.image), display, imageSizes);
      if (typeof result === 'string') {
        problems.push({ file, line: lineOf(['image']), field: 'image', message: result });
      } else {
        size = result;
      }
    }
    for (const src of facts.outsideImages) {
      const problem = remoteImageProblem(src, context.imageHosts);
      if (problem) problems.push({ file, line: bodyLineOf(absolute, display, src), field: 'body', message: problem });
    }
    if (problems.length > before) continue;
    (frontMatter.redirectFrom ?? []).forEach((oldSlug, index) => {
      redirects.push({ slug, oldSlug, file, line: lineOf(['redirectFrom', index]) });
    });
    langs.set(slug, frontMatter.lang);
    if (frontMatter.translationOf !== undefined) {
      translations.push({ slug, of: frontMatter.translationOf, lang: frontMatter.lang, file, line: lineOf(['translationOf']) });
    }
    const until = frontMatter.breaking ? frontMatter.breakingUntil : undefined;
    const now = context.now.getTime();
    if (until && until.time <= now && now - frontMatter.date.time < RECENT_MS) {
      context.warnings.push({
        file,
        line: lineOf(['breakingUntil']),
        field: 'breakingUntil',
        message: `is before now (${until.text}), so the strip will not show; set a later time, or remove breaking and breakingUntil`,
      });
    }
    if (frontMatter.draft && !context.includeDrafts) continue;

    const summary = summarize(slug, frontMatter, facts, size, context, tags);
    if (summary) records.push({ summary, file: absolute, time: frontMatter.date.time, hash });
  }
  context.onProgress?.(done, share);
  return { records, slugFiles: slugOwners, redirects, translations, langs, warnings: context.warnings };
}

/** The line of the file that names a picture address (the first such line; 1 when it cannot be found). */
function bodyLineOf(absolute: string, display: DisplayPath, src: string): number {
  const text = readText(absolute, display, []) ?? '';
  const at = [src, src.replace(/&/g, '&amp;')].map((form) => text.indexOf(form)).find((index) => index >= 0);
  return at === undefined ? 1 : text.slice(0, at).split('\n').length;
}

type ArticleSchemas = ReturnType<typeof createArticleFrontMatterSchema>;

type ParsedFile = {
  frontMatter: ArticleFrontMatter;
  facts: MarkdownFacts;
  hash: string;
  lineOf: YamlSource['lineOf'];
};

/**
 * One article file, validated. Unchanged files come from the parse cache
 * without reading YAML or Markdown; a file with problems is parsed again so
 * every problem gets its line.
 */
function parseArticle(
  absolute: string,
  file: string,
  context: ArticlesContext,
  schemas: ArticleSchemas,
  problems: ContentProblem[],
): ParsedFile | undefined {
  const { cache, display } = context;
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  let hash = stat && cache.knownHash(file, stat);
  let raw: string | undefined;
  if (hash === undefined) {
    raw = readText(absolute, display, problems);
    if (raw === undefined) return undefined;
    hash = hashText(raw);
  }

  const cached = cache.get(hash);
  if (cached) {
    const frontMatter = validate(schemas, cached.data);
    if (frontMatter.success) {
      if (stat) cache.keep(file, stat, hash);
      // Lines are only needed for a problem found later (a missing picture, a
      // moved slug's clash), so the YAML is read again only then.
      let source: YamlSource | undefined;
      const lineOf: YamlSource['lineOf'] = (at, fallback) => {
        source ??= readFrontMatter(raw ?? readText(absolute, display, []) ?? '', file, '', [])?.source;
        return source?.lineOf(at, fallback) ?? fallback ?? 1;
      };
      return { frontMatter: frontMatter.data, facts: cached, hash, lineOf };
    }
  }

  raw ??= readText(absolute, display, problems);
  if (raw === undefined) return undefined;
  const read = readFrontMatter(raw, file, 'title: "Parliament passes budget"', problems);
  if (read === undefined) return undefined;
  const { source, data, body } = read;
  const frontMatter = validate(schemas, data);
  if (!frontMatter.success) {
    problems.push(...issuesToProblems(frontMatter.issues, source, file, { knownFields: schemas.knownFields, wholeField: 'front matter' }));
    return undefined;
  }
  const { html, ...facts } = renderArticleBody(body);
  cache.put(hash, { data, ...facts }, html);
  if (stat) cache.keep(file, stat, hash);
  return { frontMatter: frontMatter.data, facts, hash, lineOf: source.lineOf };
}

function validate(
  schemas: ArticleSchemas,
  data: unknown,
): { success: true; data: ArticleFrontMatter } | { success: false; issues: z.core.$ZodIssue[] } {
  const parsed = schemas.frontMatter.safeParse(data);
  const issues = [...(parsed.error?.issues ?? [])];
  for (const relations of schemas.relations) {
    const checked = relations.safeParse(data);
    issues.push(...(checked.error?.issues ?? []).filter((issue) => issue.code === 'custom' && issue.params?.relation === true));
  }
  return parsed.success && issues.length === 0 ? { success: true, data: parsed.data } : { success: false, issues };
}

function readImageSize(absolute: string, display: DisplayPath, cache: Map<string, Size | string>): Size | string {
  const cached = cache.get(absolute);
  if (cached !== undefined) return cached;
  let result: Size | string;
  if (!fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) {
    result = `file ${display(absolute)} does not exist`;
  } else {
    try {
      const { width, height, orientation } = imageSize(fs.readFileSync(absolute));
      // EXIF orientations 5–8 are rotated a quarter turn: the picture shows height × width.
      result = orientation !== undefined && orientation >= 5 ? { width: height, height: width } : { width, height };
    } catch {
      result = `cannot read the size of ${display(absolute)}; use a JPEG, PNG, WebP, AVIF, GIF or SVG file`;
    }
  }
  cache.set(absolute, result);
  return result;
}

function summarize(
  slug: string,
  frontMatter: ArticleFrontMatter,
  facts: MarkdownFacts,
  size: Size | undefined,
  context: ArticlesContext,
  tags: Map<string, Tag>,
): ArticleSummary | undefined {
  const authors = unique(frontMatter.author).map((id) => context.authors.get(id));
  const categories = unique(frontMatter.categories).map((name) => context.categories.get(name.toLowerCase()));
  // A broken author file or categories entry is already reported in its own file.
  if (!authors.every(isDefined) || !categories.every(isDefined)) return undefined;

  const articleTags = new Map<string, Tag>();
  for (const name of frontMatter.tags ?? []) {
    const tagSlug = slugify(name);
    const tag = tags.get(tagSlug) ?? { slug: tagSlug, name };
    tags.set(tagSlug, tag);
    articleTags.set(tagSlug, tag);
  }

  const summary: ArticleSummary = {
    slug,
    title: frontMatter.title,
    date: frontMatter.date.iso,
    dateOffset: writtenOffset(frontMatter.date.text),
    corrections: [],
    authors,
    categories,
    tags: [...articleTags.values()],
    excerpt: frontMatter.excerpt ? normalizeSpace(frontMatter.excerpt) : facts.excerpt,
    draft: frontMatter.draft,
    featured: frontMatter.featured,
    lang: frontMatter.lang,
    dir: textDirection(frontMatter.lang),
    wordCount: facts.wordCount,
    readingMinutes: Math.max(1, Math.ceil(facts.wordCount / site.wordsPerMinute)),
  };
  const corrections = [...(frontMatter.corrections ?? [])].sort((a, b) => a.date.time - b.date.time);
  summary.corrections = corrections.map((correction) => ({ date: correction.date.iso, text: correction.text }));
  // A correction updates the article: feeds, sitemaps and structured data show its time.
  const latest = Math.max(frontMatter.updated?.time ?? -Infinity, corrections.at(-1)?.date.time ?? -Infinity);
  if (latest !== -Infinity) {
    summary.updated = frontMatter.updated?.time === latest ? frontMatter.updated.iso : (corrections.at(-1)?.date.iso ?? frontMatter.updated?.iso);
  }
  if (frontMatter.source) summary.source = frontMatter.source;
  if (frontMatter.translationOf) summary.translationOf = frontMatter.translationOf;
  if (frontMatter.featured && frontMatter.featuredUntil) summary.featuredUntil = frontMatter.featuredUntil.iso;
  if (frontMatter.breaking && frontMatter.breakingUntil) summary.breaking = { text: frontMatter.breaking, until: frontMatter.breakingUntil.iso };
  if (frontMatter.image !== undefined && size) {
    const image: ArticleImage = { src: frontMatter.image, alt: frontMatter.imageAlt ?? '', ...size };
    if (frontMatter.imageCaption) image.caption = frontMatter.imageCaption;
    if (frontMatter.imageCredit) image.credit = frontMatter.imageCredit;
    summary.image = image;
  }
  return summary;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
