import 'server-only';

import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type Processor, unified } from 'unified';

import { rehypeArticleElements, rehypeHeadingIds } from '@/lib/content/rehype-article';

export const EXCERPT_LIMIT = 300;

// Elements removed together with everything inside them, so their text does
// not leak into the article either.
const STRIPPED = ['script', 'style', 'iframe', 'object', 'embed', 'form', 'button', 'select', 'textarea', 'noscript', 'template'];

/**
 * GitHub's sanitizing rules plus a few harmless inline and figure elements.
 * `id`s written by editors keep the `user-content-` prefix (so they cannot
 * clobber page globals); heading ids are added after sanitizing.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'abbr', 'figure', 'figcaption', 'mark', 'small', 'cite', 'time'],
  strip: STRIPPED,
  protocols: { ...defaultSchema.protocols, srcSet: ['http', 'https'] },
};

/**
 * The GFM constructs that change an excerpt or a word count: tables and
 * footnotes. Autolinks, strikethrough and task lists leave the words as they
 * are but double the parse time, which matters when every article of a large
 * archive is read at start.
 */
function remarkTablesAndFootnotes(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown());
}

const parser = unified().use(remarkParse).use(remarkTablesAndFootnotes).freeze();

// Without raw HTML in the Markdown there is nothing for rehype-raw to parse,
// and skipping it saves a third of the render time.
const toHtml = (withRaw: boolean) => {
  const base = unified()
    .use(remarkParse)
    .use(remarkGfm)
    // An empty prefix here: sanitizing adds `user-content-` to footnote ids, and
    // rehypeArticleElements points the footnote links at the prefixed ids.
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' });
  return (withRaw ? base.use(rehypeRaw) : base)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeHeadingIds)
    .use(rehypeArticleElements)
    .use(rehypeStringify)
    .freeze();
};
const renderer = toHtml(true);
const rendererWithoutRaw = toHtml(false);

export type MarkdownFacts = {
  excerpt: string;
  wordCount: number;
  /** Picture addresses of the body (src and srcset) that name another site or a scheme: the content check vets them. */
  outsideImages: string[];
};
export type RenderedMarkdown = MarkdownFacts & { html: string };

/**
 * Safe HTML for an article body, with its excerpt and word count, from one
 * parse: the costliest step of a build, so it runs once per article.
 */
export function renderArticleBody(markdown: string): RenderedMarkdown {
  const tree = renderer.parse(markdown);
  const facts = factsOf(tree);
  const processor = hasRawHtml(tree) ? renderer : rendererWithoutRaw;
  const html = String(processor.stringify(processor.runSync(tree)));
  return { html, ...facts, outsideImages: outsideImagesOf(html) };
}

/** Safe HTML for an article body. */
export function renderMarkdown(markdown: string): string {
  return renderArticleBody(markdown).html;
}

const IMAGE_TAG = /<(?:img|source)\b[^>]*>/gi;
const IMAGE_ATTRIBUTE = /\s(src|srcset)="([^"]*)"/gi;
const OUTSIDE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Picture addresses of sanitised body HTML that are not paths of the site:
 * Markdown images, raw <img> and <source>, and each srcset candidate.
 */
function outsideImagesOf(html: string): string[] {
  const found = new Set<string>();
  for (const [tag] of html.matchAll(IMAGE_TAG)) {
    for (const [, name, value = ''] of tag.matchAll(IMAGE_ATTRIBUTE)) {
      const decoded = value.replace(/&#x26;|&amp;/g, '&');
      const candidates = name?.toLowerCase() === 'srcset' ? decoded.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [decoded];
      for (const candidate of candidates) if (OUTSIDE.test(candidate.trim())) found.add(candidate.trim());
    }
  }
  return [...found];
}

function factsOf(tree: MdastRoot): Omit<MarkdownFacts, 'outsideImages'> {
  const first = tree.children.find(
    (node) => node.type === 'paragraph' && normalizeSpace(plain(node)) !== '',
  );
  const excerpt = first ? truncateAtWord(normalizeSpace(plain(first)), EXCERPT_LIMIT) : '';
  return { excerpt, wordCount: countWords(collectText(tree)) };
}

function hasRawHtml(node: MdastNodes): boolean {
  if (node.type === 'html') return true;
  return 'children' in node && node.children.some((child) => hasRawHtml(child));
}

/** Markdown reduced to plain text, one paragraph per block (for author bios). */
export function markdownToPlainText(markdown: string): string {
  const tree: MdastRoot = parser.parse(markdown);
  return tree.children
    .map((node) => normalizeSpace(plain(node)))
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** Text of a node without image descriptions or raw HTML tags. */
function plain(node: MdastNodes): string {
  return toString(node, { includeImageAlt: false, includeHtml: false });
}

export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** At most `limit` characters, cut at a word boundary and ending in an ellipsis. */
export function truncateAtWord(text: string, limit: number): string {
  const characters = Array.from(text);
  if (characters.length <= limit) return text;
  const head = characters.slice(0, limit - 1).join('');
  const endsOnWord = /\s/.test(characters[limit - 1] ?? '');
  const boundary = endsOnWord ? -1 : head.search(/\s\S*$/);
  const cut = boundary > 0 ? head.slice(0, boundary) : head;
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

const PHRASING = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'footnoteReference']);

/** Text of the tree with blocks separated, so words in adjacent blocks do not merge. */
function collectText(tree: MdastRoot): string {
  const parts: string[] = [];
  const walk = (node: MdastNodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
      parts.push(node.value, node.type === 'code' ? ' ' : '');
    } else if (node.type === 'break') {
      parts.push(' ');
    } else if ('children' in node) {
      for (const child of node.children) walk(child);
      if (!PHRASING.has(node.type)) parts.push(' ');
    }
  };
  walk(tree);
  return parts.join('');
}

const WORD = /[\p{L}\p{N}]/u;

export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (WORD.test(token)) count += 1;
  }
  return count;
}
