import 'server-only';

import { THREADS_PER_PAGE, type CommentStore } from '@/lib/comments/store';
import { articlePath, commentPagePath } from '@/lib/routes';

/**
 * The static pages that show an article's comments, for revalidation after a
 * moderation change: the article page and each comment page. A change can
 * shrink the number of pages, so pages just past today's last one are
 * included too, where `changed` comments could have been.
 */
export async function commentPagesToRevalidate(
  store: Pick<CommentStore, 'listApproved'>,
  slugs: readonly string[],
  changed: number,
): Promise<string[]> {
  const paths: string[] = [];
  const extraPages = Math.ceil(Math.max(0, changed) / THREADS_PER_PAGE) + 1;
  for (const slug of new Set(slugs)) {
    paths.push(articlePath(slug));
    let totalPages = 1;
    try {
      totalPages = (await store.listApproved(slug, { page: 1 })).totalPages;
    } catch {
      // The article page itself is revalidated anyway; comment pages may wait for their own revalidation.
    }
    for (let page = 2; page <= totalPages + extraPages; page += 1) paths.push(commentPagePath(slug, page));
  }
  return paths;
}
