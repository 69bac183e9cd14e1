import fs from 'node:fs';
import path from 'node:path';

import matter from 'gray-matter';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

import { sanitizeSchema } from '@/lib/content/markdown';
import { rehypeArticleElements, rehypeHeadingIds } from '@/lib/content/rehype-article';

// The baseline: gray-matter and the plugins lib/content/markdown.ts renders
// bodies with, with nothing around them (no validation, no index, no cache),
// one file after another.

const renderer = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeHeadingIds)
  .use(rehypeArticleElements)
  .use(rehypeStringify)
  .freeze();

/** Parses and renders every article; returns how many and the total HTML length (so no work is skipped). */
export function runBare(root: string, progress: (done: number, total: number) => void): { articles: number; htmlChars: number } {
  const directory = path.join(root, 'articles');
  const files = fs
    .readdirSync(directory)
    .filter((name) => name.endsWith('.md'))
    .sort();
  let htmlChars = 0;
  files.forEach((name, index) => {
    const raw = fs.readFileSync(path.join(directory, name), 'utf8');
    // An options object turns off gray-matter's cache, which keeps every file it has seen.
    const file = matter(raw, {});
    if (typeof file.data.title !== 'string') throw new Error(`${name}: no title`);
    htmlChars += String(renderer.processSync(file.content)).length;
    progress(index + 1, files.length);
  });
  return { articles: files.length, htmlChars };
}
