import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { ArticleJsonLd, redirectIfMoved } from '@/app/_lib/article-seo';
import { prerenderedArticleParams } from '@/app/_lib/prerender';
import { getArticle, getTranslations } from '@/lib/content';
import { articleMetadata } from '@/lib/seo';
import { getSettings } from '@/lib/settings';

import { getCommentsPage } from './article-comments';
import { ArticleView } from './article-view';

type Props = { params: Promise<{ slug: string }> };

// Approved comments are part of the page; moderation revalidates it at once.
// Regenerating hourly as well keeps the form token in the cached HTML fresh.
export const revalidate = 3600;

// The newest articles (PRERENDER_RECENT) are prerendered; older ones, and
// articles published since the build, render on first request and are cached.
// Old slugs of moved articles too: each prerenders as a permanent redirect.
export function generateStaticParams() {
  return prerenderedArticleParams();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const article = getArticle(slug);
  if (!article) return {};
  return articleMetadata(article, getSettings(), getTranslations(slug));
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  redirectIfMoved(slug);
  const article = getArticle(slug);
  if (!article) notFound();
  const comments = await getCommentsPage(slug);
  return (
    <>
      <ArticleJsonLd article={article} />
      <ArticleView article={article} comments={comments} />
    </>
  );
}
