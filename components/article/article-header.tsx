import Link from 'next/link';

import type { ArticleSummary } from '@/lib/content';
import { categoryPath } from '@/lib/routes';

import { Byline } from './byline';
import { CategoryTags } from './category-tags';
import { DateTime } from './date-time';
import { uiLang } from './ui-lang';

type ArticleHeaderProps = {
  article: ArticleSummary;
};

export function ArticleHeader({ article }: ArticleHeaderProps) {
  const primary = article.categories[0];
  const labelLang = uiLang(article.lang);
  // Inside right-to-left text, English labels with numbers are isolated so "4 min read" stays in order.
  const labelDir = article.dir === 'rtl' ? 'ltr' : undefined;

  return (
    <header className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" lang={labelLang} className="text-sm text-muted">
        <ol className="flex flex-wrap items-center gap-x-2">
          <li>
            <Link href="/" className="hover:text-ink hover:underline">
              Home
            </Link>
          </li>
          {primary ? (
            <li className="flex items-center gap-x-2">
              <span aria-hidden="true">›</span>
              <Link href={categoryPath(primary.slug)} className="hover:text-ink hover:underline">
                {primary.name}
              </Link>
            </li>
          ) : null}
        </ol>
      </nav>

      <div lang={labelLang}>
        <CategoryTags categories={article.categories} />
      </div>

      <h1 className="font-serif text-3xl leading-tight font-bold text-balance sm:text-4xl lg:text-5xl">{article.title}</h1>

      {article.source ? (
        <p className="text-base font-extrabold tracking-wide text-accent uppercase">
          <span className="sr-only" lang={labelLang}>
            Source:{' '}
          </span>
          {article.source}
        </p>
      ) : null}

      <div lang={labelLang} className="flex flex-col gap-1 border-y border-rule py-3 text-sm text-muted">
        <div className="text-ink">
          <Byline authors={article.authors} />
        </div>
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <span dir={labelDir}>
            Published <DateTime iso={article.date} withTime />
          </span>
          {article.updated ? (
            <span dir={labelDir} className="font-semibold text-ink">
              Updated <DateTime iso={article.updated} withTime />
            </span>
          ) : null}
          <span dir={labelDir}>{article.readingMinutes} min read</span>
        </p>
      </div>
    </header>
  );
}
