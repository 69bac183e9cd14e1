import { CommentActions } from '@/components/moderation/comment-actions';
import { CommentFields } from '@/components/moderation/comment-fields';
import { CommentText } from '@/components/moderation/comment-text';
import type { Comment } from '@/lib/comments';
import { moderationCommentPath } from '@/lib/routes';

type QueueItemProps = { comment: Comment; articleTitle: string | null };

const PREVIEW_CHARACTERS = 800;

export function QueueItem({ comment, articleTitle }: QueueItemProps) {
  const { id } = comment;
  return (
    <li>
      <article aria-labelledby={`comment-${id}-name`} className="flex flex-col gap-3 border-b border-rule py-5">
        <header className="flex flex-wrap items-baseline gap-3">
          <input
            type="checkbox"
            name="ids"
            value={id}
            id={`select-${id}`}
            className="size-5 self-center"
            aria-describedby={`comment-${id}-name`}
          />
          <label htmlFor={`select-${id}`} className="text-sm text-muted">
            Select comment #{id}
          </label>
          <h3 id={`comment-${id}-name`} className="font-semibold">
            <bdi>{comment.name}</bdi>
          </h3>
        </header>
        <CommentFields comment={comment} articleTitle={articleTitle} />
        <CommentText body={comment.body} limit={PREVIEW_CHARACTERS} />
        <div className="flex flex-wrap items-center gap-3">
          <CommentActions id={id} status={comment.status} />
          <a href={moderationCommentPath(id)} className="text-sm text-link underline underline-offset-2">
            Edit or see history of comment #{id}
          </a>
        </div>
      </article>
    </li>
  );
}
