import Link from 'next/link';

import type { ArticleSummary } from '@/lib/content';
import { articlePath } from '@/lib/routes';

type BreakingStripProps = {
  /** Articles whose strip shows now, newest first. */
  articles: Pick<ArticleSummary, 'slug' | 'lang' | 'dir' | 'breaking'>[];
};

/**
 * The breaking-news strip above every page while a story's `breakingUntil`
 * has not passed. Server-rendered: the publication clock regenerates the pages
 * when it ends. The dot pulses only for readers who have not asked for less motion.
 */
export function BreakingStrip({ articles }: BreakingStripProps) {
  const shown = articles.filter((article) => article.breaking !== undefined);
  if (shown.length === 0) return null;
  return (
    <aside aria-label="Breaking news" className="bg-ink text-paper print:hidden">
      <ul className="mx-auto flex max-w-page flex-col gap-1 px-4 py-2 text-sm sm:text-base">
        {shown.map((article) => (
          <li key={article.slug} className="flex items-baseline gap-3">
            <span className="flex shrink-0 items-center gap-2 font-sans font-bold tracking-wider uppercase">
              <span aria-hidden="true" className="inline-block size-2 rounded-full bg-accent motion-safe:animate-pulse" />
              Breaking
            </span>
            <Link
              href={articlePath(article.slug)}
              prefetch={false}
              lang={article.lang}
              dir={article.dir}
              className="font-semibold text-paper underline-offset-2 hover:underline"
            >
              {article.breaking?.text}
            </Link>
          </li>
        ))}
      </ul>
    </aside>
  );
}
