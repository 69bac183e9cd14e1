import 'server-only';

import fs from 'node:fs';
import path from 'node:path';

import { suggestFileSlug } from '@/lib/content/fields';
import type { ContentProblem } from '@/lib/content/problems';

/** Turns absolute paths into the paths editors see from the repository root. */
export type DisplayPath = (absolute: string) => string;

export function displayPathFor(root: string): DisplayPath {
  const cwd = process.cwd();
  const fromCwd = path.relative(cwd, root);
  const base = fromCwd.startsWith('..') || path.isAbsolute(fromCwd) ? path.dirname(root) : cwd;
  return (absolute) => path.relative(base, absolute).split(path.sep).join('/');
}

export function readText(absolute: string, display: DisplayPath, problems: ContentProblem[]): string | undefined {
  try {
    return fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    problems.push({ file: display(absolute), line: 1, field: 'file', message: `cannot be read (${code})` });
    return undefined;
  }
}

export function notASlugMessage(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '');
  return `"${fileName}" is not a valid slug; use lower-case letters, digits and hyphens, e.g. ${suggestFileSlug(base)}.md`;
}
