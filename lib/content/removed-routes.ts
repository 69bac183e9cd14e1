import { articlesRewriteSource, REMOVED_ROUTE, SLUG_PATTERN } from '../routes';

// The addresses of removed articles as rewrites, for next.config.ts: each is
// sent to the route that answers 410 Gone, so article pages are served without
// running proxy.ts first. next.config.ts loads this file outside the app's
// bundles, hence no `server-only` and no path aliases here. The slugs come
// from the content loader's own reading of removed.yml (scripts/removed-slugs.ts).

/** Slugs per rewrite: one regular expression each, kept a readable size. */
const SLUGS_PER_REWRITE = 200;

export type Rewrite = { source: string; destination: string };

/** Rewrites from `/articles/<slug>` of each removed article to the route that answers 410 Gone. */
export function removedArticleRewrites(slugs: readonly string[]): Rewrite[] {
  const rewrites: Rewrite[] = [];
  for (let start = 0; start < slugs.length; start += SLUGS_PER_REWRITE) {
    const group = slugs.slice(start, start + SLUGS_PER_REWRITE).filter((slug) => SLUG_PATTERN.test(slug));
    if (group.length > 0) rewrites.push({ source: articlesRewriteSource(group), destination: `${REMOVED_ROUTE}/:slug` });
  }
  return rewrites;
}
