import { QueueItem } from '@/components/moderation/queue-item';
import type { Comment, ModerationAction } from '@/lib/comments';

type CommentQueueProps = {
  comments: Comment[];
  articleTitles: Record<string, string>;
  action: (form: FormData) => Promise<void>;
  /** This page's address, to come back to after an action. */
  returnTo: string;
  /** Shown when the list is empty, e.g. "No held comments." */
  emptyText: string;
};

const BULK: Array<[ModerationAction, string]> = [
  ['approve', 'Approve'],
  ['hold', 'Hold'],
  ['spam', 'Mark as spam'],
  ['trash', 'Move to trash'],
  ['restore', 'Restore previous state'],
];

function BulkControls() {
  const id = 'bulk-action';
  return (
    <div className="flex flex-wrap items-center gap-3 bg-surface p-3">
      <label htmlFor={id} className="font-semibold">
        With the selected comments
      </label>
      <select id={id} name="bulkAction" defaultValue="approve" className="min-h-11 border border-rule bg-paper px-2">
        {BULK.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <button type="submit" name="bulk" value="selected" className="min-h-11 bg-ink px-4 font-semibold text-paper">
        Apply to selected
      </button>
    </div>
  );
}

/**
 * The queue is one form: per-comment buttons send their own action, the bulk
 * button sends the chosen action with the ticked comments. Works without JavaScript.
 */
export function CommentQueue({ comments, articleTitles, action, returnTo, emptyText }: CommentQueueProps) {
  if (comments.length === 0) return <p className="py-6 text-muted">{emptyText}</p>;
  return (
    <form action={action} aria-label="Comments" className="flex flex-col gap-2">
      <input type="hidden" name="returnTo" value={returnTo} />
      <BulkControls />
      <ul className="flex flex-col">
        {comments.map((comment) => (
          <QueueItem key={comment.id} comment={comment} articleTitle={articleTitles[comment.articleSlug] ?? null} />
        ))}
      </ul>
    </form>
  );
}
