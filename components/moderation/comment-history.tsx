import { DateTime } from '@/components/article/date-time';
import type { CommentEvent } from '@/lib/comments';

type CommentHistoryProps = { events: CommentEvent[] };

function describe(event: CommentEvent): string {
  if (event.action === 'create') return `Received, ${event.to ?? 'held'}${event.note ? ` (${event.note})` : ''}`;
  if (event.action === 'edit') return `Edited${event.note ? `: ${event.note}` : ''}`;
  return `${event.action.charAt(0).toUpperCase()}${event.action.slice(1)}: ${event.from ?? '—'} → ${event.to ?? '—'}`;
}

/** Who changed the comment and when, oldest first. */
export function CommentHistory({ events }: CommentHistoryProps) {
  return (
    <section aria-labelledby="history-heading" className="flex flex-col gap-2">
      <h2 id="history-heading" className="font-serif text-2xl font-bold">
        History
      </h2>
      <ol className="flex flex-col gap-1 text-sm">
        {events.map((event) => (
          <li key={event.id}>
            <DateTime iso={event.at} withTime /> — {describe(event)} — by <bdi>{event.actor}</bdi>
          </li>
        ))}
      </ol>
    </section>
  );
}
