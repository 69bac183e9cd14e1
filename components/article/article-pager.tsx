import Link from 'next/link';

import type { ArticleSummary } from '@/lib/content';
import { DEFAULT_LOCALE, type Messages } from '@/lib/i18n';
import { articlePath } from '@/lib/routes';

type ArticlePagerProps = {
  /** The next older article. */
  previous: ArticleSummary | null;
  /** The next newer article. */
  next: ArticleSummary | null;
  messages?: Messages;
  /** The `lang` and direction of the words, where they differ from the page's. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
};

export function ArticlePager({ previous, next, messages = DEFAULT_LOCALE.messages, lang, dir }: ArticlePagerProps) {
  const words = messages.article;
  // The arrows point the way the text reads: back is to the right in right-to-left text.
  const [back, forward] = messages.dir === 'rtl' ? ['→', '←'] : ['←', '→'];
  if (!previous && !next) return null;
  return (
    <nav aria-label={words.moreArticles} lang={lang} dir={dir} className="grid gap-4 border-y border-rule py-5 sm:grid-cols-2 print:hidden">
      {previous ? <PagerLink article={previous} label={`${back} ${words.previous}`} align="start" /> : <span className="hidden sm:block" />}
      {next ? <PagerLink article={next} label={`${words.next} ${forward}`} align="end" /> : null}
    </nav>
  );
}

function PagerLink({ article, label, align }: { article: ArticleSummary; label: string; align: 'start' | 'end' }) {
  return (
    <Link href={articlePath(article.slug)} className={`group flex flex-col gap-1 ${align === 'end' ? 'sm:text-end' : ''}`}>
      <span className="text-xs font-bold tracking-wider text-muted uppercase">{label}</span>
      <span lang={article.lang} dir={article.dir} className="font-serif text-lg leading-snug font-bold group-hover:underline">
        {article.title}
      </span>
    </Link>
  );
}
