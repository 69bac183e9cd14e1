import Link from 'next/link';

import type { ArticleSummary } from '@/lib/content';
import { articlePath } from '@/lib/routes';

type ArticlePagerProps = {
  /** The next older article. */
  previous: ArticleSummary | null;
  /** The next newer article. */
  next: ArticleSummary | null;
};

export function ArticlePager({ previous, next }: ArticlePagerProps) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="More articles" className="grid gap-4 border-y border-rule py-5 sm:grid-cols-2">
      {previous ? <PagerLink article={previous} label="Previous article" align="start" /> : <span className="hidden sm:block" />}
      {next ? <PagerLink article={next} label="Next article" align="end" /> : null}
    </nav>
  );
}

function PagerLink({ article, label, align }: { article: ArticleSummary; label: string; align: 'start' | 'end' }) {
  return (
    <Link href={articlePath(article.slug)} className={`group flex flex-col gap-1 ${align === 'end' ? 'sm:text-end' : ''}`}>
      <span className="text-xs font-bold tracking-wider text-muted uppercase">
        {align === 'start' ? '← ' : ''}
        {label}
        {align === 'end' ? ' →' : ''}
      </span>
      <span lang={article.lang} dir={article.dir} className="font-serif text-lg leading-snug font-bold group-hover:underline">
        {article.title}
      </span>
    </Link>
  );
}
