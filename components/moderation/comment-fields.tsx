import { DateTime } from '@/components/article/date-time';
import type { Comment } from '@/lib/comments';
import { articlePath, moderationCommentPath } from '@/lib/routes';

type CommentFieldsProps = {
  comment: Comment;
  /** The article's headline, when the article is published. */
  articleTitle: string | null;
};

// Everything a reader typed is hostile: it is rendered as text only, and the
// website is shown as an address, not a link.
export function CommentFields({ comment, articleTitle }: CommentFieldsProps) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-muted">Article</dt>
      <dd>
        <a href={articlePath(comment.articleSlug)} className="text-link underline underline-offset-2">
          {articleTitle ?? comment.articleSlug}
        </a>
      </dd>
      <dt className="text-muted">Email</dt>
      <dd className="break-all">{comment.email}</dd>
      <dt className="text-muted">Website</dt>
      <dd className="break-all" dir="auto">
        {comment.website ?? '—'}
      </dd>
      <dt className="text-muted">Received</dt>
      <dd>
        <DateTime iso={comment.createdAt} withTime />
      </dd>
      {comment.editedAt ? (
        <>
          <dt className="text-muted">Edited</dt>
          <dd>
            <DateTime iso={comment.editedAt} withTime />
          </dd>
        </>
      ) : null}
      <dt className="text-muted">Why held</dt>
      <dd>{comment.statusReason || '—'}</dd>
      {comment.parentId !== null ? (
        <>
          <dt className="text-muted">Reply to</dt>
          <dd>
            <a href={moderationCommentPath(comment.parentId)} className="text-link underline underline-offset-2">
              comment #{comment.parentId}
            </a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
