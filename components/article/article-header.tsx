import Link from 'next/link';

import type { ArticleSummary } from '@/lib/content';
import { DEFAULT_LOCALE, formatCount, splitTemplate, type ArticleLocale } from '@/lib/i18n';
import { categoryPath } from '@/lib/routes';

import { Byline } from './byline';
import { CategoryName, CategoryTags } from './category-tags';
import { DateTime } from './date-time';

type ArticleHeaderProps = {
  article: ArticleSummary;
  /** The article's words and zone; the site's by default. */
  locale?: ArticleLocale;
};

export function ArticleHeader({ article, locale = DEFAULT_LOCALE }: ArticleHeaderProps) {
  const primary = article.categories[0];
  const { messages, labelLang } = locale;
  const words = messages.article;
  // Labels in another direction than the article's (English inside Dari) are
  // isolated, so "4 min read" keeps its order.
  const labelDir = messages.dir !== article.dir ? messages.dir : undefined;
  const [publishedBefore, publishedAfter] = splitTemplate(words.published, 'date');
  const [updatedBefore, updatedAfter] = splitTemplate(words.updated, 'date');

  return (
    <header className="flex flex-col gap-4">
      <nav aria-label={words.breadcrumb} lang={labelLang} dir={labelDir} className="text-sm text-muted print:hidden">
        <ol className="flex flex-wrap items-center gap-x-2">
          <li>
            <Link href="/" className="hover:text-ink hover:underline">
              {words.home}
            </Link>
          </li>
          {primary ? (
            <li className="flex items-center gap-x-2">
              <span aria-hidden="true">{messages.dir === 'rtl' ? '‹' : '›'}</span>
              <Link href={categoryPath(primary.slug)} className="hover:text-ink hover:underline">
                <CategoryName category={primary} messages={messages} />
              </Link>
            </li>
          ) : null}
        </ol>
      </nav>

      <div lang={labelLang} dir={labelDir}>
        <CategoryTags categories={article.categories} messages={messages} />
      </div>

      <h1 className="font-serif text-3xl leading-tight font-bold text-balance sm:text-4xl lg:text-5xl">{article.title}</h1>

      {article.source ? (
        <p className="text-base font-extrabold tracking-wide text-accent uppercase">
          <span className="sr-only" lang={labelLang}>
            {words.source}
          </span>
          {article.source}
        </p>
      ) : null}

      <div lang={labelLang} className="flex flex-col gap-1 border-y border-rule py-3 text-sm text-muted">
        <div className="text-ink" dir={labelDir}>
          <Byline authors={article.authors} messages={messages} />
        </div>
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <span dir={labelDir}>
            {publishedBefore}
            <DateTime iso={article.date} withTime locale={locale} />
            {publishedAfter}
          </span>
          {article.updated ? (
            <span dir={labelDir} className="font-semibold text-ink">
              {updatedBefore}
              <DateTime iso={article.updated} withTime locale={locale} />
              {updatedAfter}
            </span>
          ) : null}
          <span dir={labelDir}>{formatCount(words.readingTime, article.readingMinutes, messages)}</span>
        </p>
      </div>
    </header>
  );
}
