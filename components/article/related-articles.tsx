import type { ArticleSummary } from '@/lib/content';

import { ArticleList } from './article-list';

type RelatedArticlesProps = {
  articles: ArticleSummary[];
};

export function RelatedArticles({ articles }: RelatedArticlesProps) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="flex flex-col gap-6">
      <h2 id="related-heading" className="border-b-2 border-ink pb-2 font-serif text-2xl font-bold">
        Related articles
      </h2>
      <ArticleList articles={articles} headingLevel="h3" columns={4} />
    </section>
  );
}
