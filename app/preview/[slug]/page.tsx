import type { Metadata } from 'next';
import { cookies, draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';

import { vazirmatn } from '@/app/fonts';
import { ArticleBody } from '@/components/article/article-body';
import { ArticleFigure } from '@/components/article/article-figure';
import { ArticleHeader } from '@/components/article/article-header';
import { CorrectionsNote } from '@/components/article/corrections-note';
import { TagList } from '@/components/article/tag-list';
import { PreviewBanner } from '@/components/preview/preview-banner';
import { PreviewProblems } from '@/components/preview/preview-problems';
import { formatProblem, getPreviewArticle } from '@/lib/content';
import { articleLocale } from '@/lib/i18n';
import { checkPreviewCookie, PREVIEW_COOKIE } from '@/lib/preview';
import { articlePath } from '@/lib/routes';

type Props = { params: Promise<{ slug: string }> };

// Rendered for each request from the article's file as it is now: never
// prerendered, never cached (Next.js sends `private, no-store` for it), never
// indexed, listed or in a feed. proxy.ts answers an invalid or expired
// preview with the reason; this page checks again before it reads anything.
export const dynamic = 'force-dynamic';

/**
 * The previewed article and the grant that opens it, or null for a browser
 * without a valid preview of it. Once per request: the metadata and the page
 * share one read of the file.
 */
const openPreview = cache(async (slug: string) => {
  const check = checkPreviewCookie((await cookies()).get(PREVIEW_COOKIE)?.value, slug);
  if (!(await draftMode()).isEnabled || !check.ok) return null;
  const preview = getPreviewArticle(slug);
  return preview ? { grant: check.grant, preview } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const opened = await openPreview((await params).slug);
  const title = opened?.preview.ok ? `Preview: ${opened.preview.article.title}` : 'Preview';
  return { title, robots: { index: false, follow: false } };
}

export default async function PreviewPage({ params }: Props) {
  const { slug } = await params;
  const opened = await openPreview(slug);
  if (!opened) notFound();
  const { grant, preview } = opened;
  if (!preview.ok) return <PreviewProblems slug={slug} problems={preview.problems.map((problem) => formatProblem(problem))} />;
  const { article, state } = preview;
  const locale = articleLocale(article);
  return (
    <>
      <PreviewBanner state={state} date={article.date} expiresAt={new Date(grant.expiresAt).toISOString()} publicHref={articlePath(slug)} />
      <div className="mx-auto flex max-w-page flex-col gap-12 px-4 py-8">
        <article lang={article.lang} dir={article.dir} className={`${vazirmatn.variable} mx-auto flex w-full max-w-3xl flex-col gap-8`}>
          <ArticleHeader article={article} locale={locale} />
          {article.image ? <ArticleFigure image={article.image} lead /> : null}
          <ArticleBody html={article.html} />
          <CorrectionsNote corrections={article.corrections} locale={locale} />
          <TagList tags={article.tags} lang={locale.labelLang} messages={locale.messages} />
        </article>
        <p className="mx-auto w-full max-w-3xl text-muted">Comments open when the article is published.</p>
      </div>
    </>
  );
}
