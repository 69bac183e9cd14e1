import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { getCommentsPage, storeForArticle } from '@/app/articles/[slug]/article-comments';
import { ArticleView } from '@/app/articles/[slug]/article-view';
import { getArticle } from '@/lib/content';
import { articlePath } from '@/lib/routes';

type Props = { params: Promise<{ slug: string; id: string }> };

// The no-JavaScript reply form: rendered per request, kept out of search engines.
export const dynamic = 'force-dynamic';

async function load(slug: string, idText: string) {
  if (!/^[1-9][0-9]{0,14}$/.test(idText)) return null;
  const article = getArticle(slug);
  if (!article) return null;
  const store = await storeForArticle(slug);
  // Only an approved, visible comment can be answered.
  const replyTo = await store.getApprovedComment(slug, Number(idText));
  return replyTo ? { article, replyTo } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  const found = await load(slug, id);
  if (!found) return { robots: { index: false, follow: false } };
  return {
    title: `Reply to ${found.replyTo.name}: ${found.article.title}`,
    robots: { index: false, follow: true },
    alternates: { canonical: articlePath(slug) },
  };
}

export default async function ReplyPage({ params }: Props) {
  const { slug, id } = await params;
  const found = await load(slug, id);
  if (!found) notFound();
  const comments = await getCommentsPage(slug);
  return <ArticleView article={found.article} comments={comments} replyTo={found.replyTo} />;
}
