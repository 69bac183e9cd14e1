import type { CommentStatus, ModerationAction } from '@/lib/comments';

type CommentActionsProps = { id: number; status: CommentStatus };

const LABELS: Record<ModerationAction, string> = {
  approve: 'Approve',
  hold: 'Hold',
  spam: 'Spam',
  trash: 'Trash',
  restore: 'Restore',
};

const TARGET: Partial<Record<ModerationAction, CommentStatus>> = {
  approve: 'approved',
  hold: 'held',
  spam: 'spam',
  trash: 'trash',
};

const ORDER: ModerationAction[] = ['approve', 'hold', 'spam', 'trash', 'restore'];

/**
 * Submit buttons for one comment, inside the moderation form: each sends
 * `one=<action>:<id>`. Restore returns the comment to its state before the last change.
 */
export function CommentActions({ id, status }: CommentActionsProps) {
  return (
    <div className="flex flex-wrap gap-2">
      {ORDER.filter((action) => TARGET[action] !== status).map((action) => (
        <button
          key={action}
          type="submit"
          name="one"
          value={`${action}:${id}`}
          aria-label={`${LABELS[action]} comment #${id}`}
          className="min-h-11 border border-ink px-3 text-sm font-semibold hover:bg-ink hover:text-paper"
        >
          {LABELS[action]}
        </button>
      ))}
    </div>
  );
}
