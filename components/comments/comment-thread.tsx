import type { CommentThreadNode } from '@/lib/comments';
import type { ArticleLocale } from '@/lib/i18n';
import { replyHref } from '@/lib/routes';

import { CommentItem } from './comment-item';

type CommentThreadProps = {
  articleSlug: string;
  nodes: CommentThreadNode[];
  /** The comment these answer, when they are nested under it. */
  enclosingId?: number;
  locale?: ArticleLocale;
};

/**
 * Threads as nested lists. The store stops nesting at MAX_DEPTH: replies to a
 * comment there follow it at the same depth, marked "in reply to NAME".
 */
export function CommentThread({ articleSlug, nodes, enclosingId, locale }: CommentThreadProps) {
  if (nodes.length === 0) return null;
  const nested = enclosingId !== undefined;
  return (
    <ol className={nested ? 'mt-4 flex flex-col gap-4 border-s-2 border-rule ps-4 sm:ps-6' : 'flex flex-col gap-6'}>
      {nodes.map((node) => (
        <li key={node.comment.id} data-depth={node.depth}>
          <CommentItem
            comment={node.comment}
            replyTo={node.replyTo && node.replyTo.id !== enclosingId ? node.replyTo : null}
            replyHref={replyHref(articleSlug, node.comment.id)}
            locale={locale}
          />
          <CommentThread articleSlug={articleSlug} nodes={node.replies} enclosingId={node.comment.id} locale={locale} />
        </li>
      ))}
    </ol>
  );
}
