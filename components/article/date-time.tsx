import { DEFAULT_LOCALE, formatDate, type ArticleLocale } from '@/lib/i18n';

type DateTimeProps = {
  /** ISO 8601 timestamp. */
  iso: string;
  /** Also show the clock time and the zone; otherwise the date alone. */
  withTime?: boolean;
  className?: string;
  /** Whose calendar, digits and zone (the article's); the site's by default. */
  locale?: Pick<ArticleLocale, 'messages' | 'timeZone'>;
};

export function DateTime({ iso, withTime = false, className, locale = DEFAULT_LOCALE }: DateTimeProps) {
  const { messages, timeZone } = locale;
  return (
    // dir: a date keeps its own order inside text of the other direction.
    <time dateTime={iso} dir={messages.dir} className={className}>
      {formatDate(iso, messages, { timeZone, withTime })}
    </time>
  );
}
