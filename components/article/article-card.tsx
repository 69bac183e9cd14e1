import Link from 'next/link';

import type { ArticleSummary } from '@/lib/content';
import { articlePath, categoryPath } from '@/lib/routes';

import { DateTime } from './date-time';
import { uiLang } from './ui-lang';

type ArticleCardProps = {
  article: ArticleSummary;
  /** The lead story of a front page: larger headline, picture and excerpt. */
  variant?: 'default' | 'lead';
  /** Heading level of the headline, so it fits the page's outline. */
  headingLevel?: 'h2' | 'h3';
};

export function ArticleCard({ article, variant = 'default', headingLevel = 'h2' }: ArticleCardProps) {
  const Heading = headingLevel;
  const lead = variant === 'lead';
  const primary = article.categories[0];
  const image = lead ? article.image : undefined;
  const labelLang = uiLang(article.lang);
  // Beside a picture the text takes the narrow column; alone it keeps a readable measure.
  const textClass = image
    ? 'flex flex-col gap-3 md:col-span-2'
    : lead
      ? 'flex max-w-3xl flex-col gap-3 md:col-span-5'
      : 'flex flex-col gap-2';

  return (
    <article lang={article.lang} dir={article.dir} className={lead ? 'grid gap-5 md:grid-cols-5 md:gap-8' : 'flex flex-col gap-2'}>
      {image ? (
        // The lead picture is the largest thing above the fold: load it first.
        <img
          src={image.src}
          alt={image.alt}
          width={image.width}
          height={image.height}
          fetchPriority="high"
          className="h-auto w-full bg-surface md:col-span-3"
        />
      ) : null}
      <div className={textClass}>
        {primary ? (
          <p lang={labelLang} className="text-xs font-bold tracking-wider text-accent uppercase">
            <Link href={categoryPath(primary.slug)} className="hover:underline">
              {primary.name}
            </Link>
          </p>
        ) : null}
        <Heading
          className={
            lead ? 'font-serif text-3xl leading-tight font-bold text-balance sm:text-4xl' : 'font-serif text-xl leading-snug font-bold'
          }
        >
          <Link href={articlePath(article.slug)} className="hover:underline">
            {article.title}
          </Link>
        </Heading>
        <p className={lead ? 'font-serif text-lg leading-relaxed text-ink' : 'leading-relaxed text-muted'}>{article.excerpt}</p>
        <p lang={labelLang} className="text-sm text-muted">
          <DateTime iso={article.date} />
        </p>
      </div>
    </article>
  );
}
