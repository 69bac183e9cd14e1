import 'server-only';

import { commentStoreExists, getCommentStore } from '@/lib/comments';
import { getArticleRedirect, getRemovedArticle } from '@/lib/content';

/**
 * Warnings for articles a publication withdrew that have comments, when
 * nothing says where they went: not renamed (no article lists the slug in
 * `redirectFrom`, whose first render would carry the comments over) and not
 * taken down in removed.yml. The comments themselves are never deleted.
 */
export async function withdrawnCommentWarnings(withdrawn: readonly string[]): Promise<string[]> {
  const unexplained = withdrawn.filter((slug) => getArticleRedirect(slug) === null && getRemovedArticle(slug) === null);
  if (unexplained.length === 0) return [];
  let counts: Map<string, number>;
  try {
    counts = await (await getCommentStore()).countComments(unexplained);
  } catch {
    return [`The comment store could not be asked whether ${unexplained.join(', ')} had comments.`];
  }
  return unexplained.flatMap((slug) => {
    const count = counts.get(slug) ?? 0;
    return count === 0 ? [] : [goneWithComments(slug, count, 'was withdrawn')];
  });
}

function goneWithComments(slug: string, count: number, what: string): string {
  return `${slug}.md ${what} with ${count} ${count === 1 ? 'comment' : 'comments'}, which readers no longer see: if it was renamed, add redirectFrom: [${slug}] to the new file; if it was taken down, list it in content/removed.yml. The comments are kept.`;
}

/**
 * The build's and the content check's side of the same warning: every
 * article in the store with comments whose file is gone (`isAccountedFor` is
 * false: no article file, draft or not, has the slug, none lists it in
 * `redirectFrom`, and removed.yml does not). Asks the store only when there is
 * one, so a check never creates a database.
 */
export async function orphanedCommentWarnings(isAccountedFor: (slug: string) => boolean): Promise<string[]> {
  if (!commentStoreExists()) return [];
  let counts: Map<string, number>;
  try {
    counts = await (await getCommentStore()).countCommentsByArticle();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [`The comment store could not be asked which articles have comments (${reason}); articles gone with comments are not reported.`];
  }
  return [...counts]
    .filter(([slug]) => !isAccountedFor(slug))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([slug, count]) => goneWithComments(slug, count, 'is gone'));
}
