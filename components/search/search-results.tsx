import Link from 'next/link';

import { DateTime } from '@/components/article/date-time';
import { HighlightedText } from '@/components/search/highlighted-text';
import { articlePath, categoryPath } from '@/lib/routes';
import type { SearchResult } from '@/lib/search';

/** One hit per item: its section, headline and date, and the words around what was searched for. */
export function SearchResults({ results, start }: { results: SearchResult[]; start: number }) {
  return (
    <ol start={start} className="flex flex-col gap-8">
      {results.map(({ article, title, snippet }) => {
        const primary = article.categories[0];
        return (
          <li key={article.slug} className="flex flex-col gap-1 border-t border-rule pt-4">
            <p className="text-xs font-bold tracking-wider text-accent uppercase">
              {primary ? (
                <Link href={categoryPath(primary.slug)} className="hover:underline">
                  {primary.name}
                </Link>
              ) : null}
              {primary ? ' · ' : null}
              <span className="font-normal text-muted normal-case">
                <DateTime iso={article.date} />
              </span>
            </p>
            <h2 lang={article.lang} dir={article.dir} className="font-serif text-xl leading-snug font-bold">
              <Link href={articlePath(article.slug)} className="hover:underline">
                <HighlightedText parts={title} />
              </Link>
            </h2>
            <p lang={article.lang} dir={article.dir} className="leading-relaxed text-muted">
              <HighlightedText parts={snippet} />
            </p>
          </li>
        );
      })}
    </ol>
  );
}
