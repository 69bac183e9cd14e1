import { DateTime } from '@/components/article/date-time';
import type { Correction } from '@/lib/content';
import { DEFAULT_LOCALE, type ArticleLocale } from '@/lib/i18n';

type CorrectionsNoteProps = {
  corrections: readonly Correction[];
  /** The article's words, zone and the `lang` they need inside it. */
  locale?: ArticleLocale;
};

/** The article's corrections, newest first, dated, where every reader sees them: at the foot of the story. */
export function CorrectionsNote({ corrections, locale = DEFAULT_LOCALE }: CorrectionsNoteProps) {
  if (corrections.length === 0) return null;
  const lang = locale.labelLang;
  const words = locale.messages.article;
  const newestFirst = [...corrections].reverse();
  return (
    <aside id="corrections" aria-labelledby="corrections-heading" className="border-s-4 border-accent bg-surface p-4">
      <h2 id="corrections-heading" lang={lang} className="mb-2 text-sm font-bold tracking-wider text-accent uppercase">
        {corrections.length === 1 ? words.correction : words.corrections}
      </h2>
      <ul className="flex flex-col gap-2">
        {newestFirst.map((correction) => (
          <li key={`${correction.date}-${correction.text}`} className="leading-relaxed">
            <span lang={lang} className="font-semibold">
              <DateTime iso={correction.date} withTime locale={locale} />:
            </span>{' '}
            {correction.text}
          </li>
        ))}
      </ul>
    </aside>
  );
}
