import Link from 'next/link';

import type { CommentStatus, StatusCounts } from '@/lib/comments';

type StatusTabsProps = {
  current: CommentStatus;
  counts: StatusCounts;
  /** The queue address of each state (keeping the article filter). */
  hrefs: Record<CommentStatus, string>;
};

export const STATUS_LABELS: Record<CommentStatus, string> = {
  held: 'Held',
  approved: 'Approved',
  spam: 'Spam',
  trash: 'Trash',
};

const ORDER: CommentStatus[] = ['held', 'approved', 'spam', 'trash'];

export function StatusTabs({ current, counts, hrefs }: StatusTabsProps) {
  return (
    <nav aria-label="Comment states">
      <ul className="flex flex-wrap gap-2 border-b border-rule pb-2">
        {ORDER.map((status) => (
          <li key={status}>
            <Link
              href={hrefs[status]}
              aria-current={status === current ? 'page' : undefined}
              className={`inline-flex min-h-11 items-center px-3 font-semibold ${
                status === current ? 'bg-ink text-paper' : 'text-link underline underline-offset-2'
              }`}
            >
              {STATUS_LABELS[status]} ({counts[status]})
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
