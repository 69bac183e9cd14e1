import type { ArticleSummary } from '@/lib/content';
import { DEFAULT_LOCALE, type Messages } from '@/lib/i18n';

import { ArticleList } from './article-list';

type RelatedArticlesProps = {
  articles: ArticleSummary[];
  messages?: Messages;
  /** The `lang` and direction of the heading, where they differ from the page's. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
};

export function RelatedArticles({ articles, messages = DEFAULT_LOCALE.messages, lang, dir }: RelatedArticlesProps) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="flex flex-col gap-6 print:hidden">
      <h2 id="related-heading" lang={lang} dir={dir} className="border-b-2 border-ink pb-2 font-serif text-2xl font-bold">
        {messages.article.related}
      </h2>
      <ArticleList articles={articles} headingLevel="h3" columns={4} />
    </section>
  );
}
