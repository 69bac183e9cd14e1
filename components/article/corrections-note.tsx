import { DateTime } from '@/components/article/date-time';
import type { Correction } from '@/lib/content';

type CorrectionsNoteProps = {
  corrections: readonly Correction[];
  /** The site's language inside an article in another one (see ui-lang.ts). */
  lang?: string;
};

/** The article's corrections, newest first, dated, where every reader sees them: at the foot of the story. */
export function CorrectionsNote({ corrections, lang }: CorrectionsNoteProps) {
  if (corrections.length === 0) return null;
  const newestFirst = [...corrections].reverse();
  return (
    <aside id="corrections" aria-labelledby="corrections-heading" className="border-s-4 border-accent bg-surface p-4">
      <h2 id="corrections-heading" lang={lang} className="mb-2 text-sm font-bold tracking-wider text-accent uppercase">
        {corrections.length === 1 ? 'Correction' : 'Corrections'}
      </h2>
      <ul className="flex flex-col gap-2">
        {newestFirst.map((correction) => (
          <li key={`${correction.date}-${correction.text}`} className="leading-relaxed">
            <span lang={lang} className="font-semibold">
              <DateTime iso={correction.date} withTime />:
            </span>{' '}
            {correction.text}
          </li>
        ))}
      </ul>
    </aside>
  );
}
