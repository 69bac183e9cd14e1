import type { ArticleSummary } from '@/lib/content';

import { ArticleCard } from './article-card';

type ArticleListProps = {
  articles: ArticleSummary[];
  /** Give the first article the larger lead treatment (the front page). */
  lead?: boolean;
  /** Heading level of the card headlines. */
  headingLevel?: 'h2' | 'h3';
  /** Names the list for assistive technology. */
  label?: string;
  /** Columns on wide screens. */
  columns?: 3 | 4;
};

const wideColumns = { 3: 'lg:grid-cols-3', 4: 'lg:grid-cols-4' } as const;

export function ArticleList({ articles, lead = false, headingLevel = 'h2', label, columns = 3 }: ArticleListProps) {
  const [first, ...rest] = articles;
  const leadArticle = lead ? first : undefined;
  const cards = leadArticle ? rest : articles;

  return (
    <div className="flex flex-col gap-8">
      {leadArticle ? (
        <div className="pb-2">
          <ArticleCard article={leadArticle} variant="lead" headingLevel={headingLevel} />
        </div>
      ) : null}
      {cards.length > 0 ? (
        <ul aria-label={label} className={`grid gap-x-8 gap-y-8 sm:grid-cols-2 ${wideColumns[columns]}`}>
          {cards.map((article) => (
            <li key={article.slug} className="border-t border-rule pt-4">
              <ArticleCard article={article} headingLevel={headingLevel} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
