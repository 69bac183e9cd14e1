import fs from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';
import { articlesRewriteSource, REMOVED_ROUTE, SLUG_PATTERN } from '../routes';

// The addresses of removed articles, for next.config.ts: a rewrite sends each
// to the route that answers 410 Gone, so article pages are served without
// running proxy.ts first. next.config.ts loads this file outside the app's
// bundles, hence no `server-only` and no path aliases here. The content check
// has validated removed.yml before the build reads it; anything it would
// refuse is simply skipped here.

export const REMOVED_FILE = 'removed.yml';


/** Slugs per rewrite: one regular expression each, kept a readable size. */
const SLUGS_PER_REWRITE = 200;

export type Rewrite = { source: string; destination: string };

/** The slugs listed in `removed.yml` in `contentDir`; none when the file is missing or unreadable. */
export function readRemovedSlugs(contentDir: string): string[] {
  let data: unknown;
  try {
    data = parse(fs.readFileSync(path.join(contentDir, REMOVED_FILE), 'utf8'));
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const slugs = new Set<string>();
  for (const entry of data as unknown[]) {
    const slug = typeof entry === 'object' && entry !== null ? (entry as { slug?: unknown }).slug : undefined;
    const text = typeof slug === 'string' || typeof slug === 'number' ? String(slug).trim() : '';
    if (SLUG_PATTERN.test(text)) slugs.add(text);
  }
  return [...slugs].sort();
}

/** Rewrites from `/articles/<slug>` of each removed article to the route that answers 410 Gone. */
export function removedArticleRewrites(slugs: readonly string[]): Rewrite[] {
  const rewrites: Rewrite[] = [];
  for (let start = 0; start < slugs.length; start += SLUGS_PER_REWRITE) {
    const group = slugs.slice(start, start + SLUGS_PER_REWRITE).filter((slug) => SLUG_PATTERN.test(slug));
    if (group.length > 0) rewrites.push({ source: articlesRewriteSource(group), destination: `${REMOVED_ROUTE}/:slug` });
  }
  return rewrites;
}
