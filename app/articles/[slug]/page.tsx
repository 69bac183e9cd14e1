import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { ArticleBody } from '@/components/article/article-body';
import { ArticleFigure } from '@/components/article/article-figure';
import { ArticleHeader } from '@/components/article/article-header';
import { ArticlePager } from '@/components/article/article-pager';
import { RelatedArticles } from '@/components/article/related-articles';
import { TagList } from '@/components/article/tag-list';
import { uiLang } from '@/components/article/ui-lang';
import { getArticle, getNeighbours, getPublishedSlugs, getRelatedArticles } from '@/lib/content';
import { site } from '@/lib/site';

type Props = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getPublishedSlugs().map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const article = getArticle(slug);
  if (!article) return {};
  return {
    title: article.title,
    description: article.excerpt,
    authors: article.authors.map((author) => ({ name: author.name })),
    openGraph: {
      type: 'article',
      title: article.title,
      description: article.excerpt,
      siteName: site.name,
      locale: article.lang,
      publishedTime: article.date,
      modifiedTime: article.updated,
      section: article.categories[0]?.name,
      tags: article.tags.map((tag) => tag.name),
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const article = getArticle(slug);
  if (!article) notFound();
  const { previous, next } = getNeighbours(slug);
  const related = getRelatedArticles(slug, site.relatedCount);
  const labelLang = uiLang(article.lang);

  return (
    <div className="mx-auto flex max-w-page flex-col gap-12 px-4 py-8">
      <article lang={article.lang} dir={article.dir} className="mx-auto flex w-full max-w-3xl flex-col gap-8">
        <ArticleHeader article={article} />
        {article.image ? <ArticleFigure image={article.image} lead /> : null}
        <ArticleBody html={article.html} />
        <TagList tags={article.tags} lang={labelLang} />
      </article>

      {/* COMMENTS: the comment section (approved comments and the reply form) goes here,
          after the article's body and tags and before the article pager and related articles. */}

      <div className="mx-auto w-full max-w-3xl">
        <ArticlePager previous={previous} next={next} />
      </div>
      <RelatedArticles articles={related} />
    </div>
  );
}
