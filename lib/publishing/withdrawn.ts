import 'server-only';

import { getCommentStore } from '@/lib/comments';
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
    if (count === 0) return [];
    return [
      `${slug}.md was withdrawn with ${count} ${count === 1 ? 'comment' : 'comments'}, which readers no longer see: if it was renamed, add redirectFrom: [${slug}] to the new file; if it was taken down, list it in content/removed.yml. The comments are kept.`,
    ];
  });
}
