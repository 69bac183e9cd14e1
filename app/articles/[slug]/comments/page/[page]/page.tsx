import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { parsePageParam } from '@/app/_lib/page-param';
import { ArticleComments, getCommentsPage } from '@/app/articles/[slug]/article-comments';
import { getArticle } from '@/lib/content';
import { articleLocale, wordsAttributes } from '@/lib/i18n';
import { articlePath } from '@/lib/routes';

type Props = { params: Promise<{ slug: string; page: string }> };

// Later pages of comments are rendered on first request, then cached like the article.
export const revalidate = 3600;

export function generateStaticParams(): { slug: string; page: string }[] {
  return [];
}

async function load(slug: string, pageText: string) {
  const article = getArticle(slug);
  if (!article) notFound();
  const page = parsePageParam(pageText);
  const comments = await getCommentsPage(slug, page);
  if (page > comments.totalPages) notFound();
  return { article, comments, page };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const { article } = await load(slug, page);
  return { title: `Comments, page ${page}: ${article.title}` };
}

export default async function CommentsPage({ params }: Props) {
  const { slug, page: pageText } = await params;
  const { article, comments } = await load(slug, pageText);
  const locale = articleLocale(article);
  return (
    <div className="mx-auto flex max-w-page flex-col gap-8 px-4 py-8">
      <header className="mx-auto flex w-full max-w-3xl flex-col gap-2">
        <p {...wordsAttributes(locale.messages)} className="text-sm text-muted">
          {locale.messages.comments.on}
        </p>
        <h1 lang={article.lang} dir={article.dir} className="font-serif text-3xl leading-tight font-bold">
          <Link href={articlePath(article.slug)} className="hover:underline">
            {article.title}
          </Link>
        </h1>
      </header>
      <ArticleComments articleSlug={article.slug} comments={comments} locale={locale} />
    </div>
  );
}
