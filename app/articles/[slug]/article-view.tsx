import { vazirmatn } from '@/app/fonts';
import { ArticleBody } from '@/components/article/article-body';
import { ArticleFigure } from '@/components/article/article-figure';
import { ArticleHeader } from '@/components/article/article-header';
import { ArticlePager } from '@/components/article/article-pager';
import { CorrectionsNote } from '@/components/article/corrections-note';
import { RelatedArticles } from '@/components/article/related-articles';
import { ShareLinks } from '@/components/article/share-links';
import { TagList } from '@/components/article/tag-list';
import { TranslationLinks } from '@/components/article/translation-links';
import { BackToTop } from '@/components/back-to-top';
import type { ApprovedPage, PublicComment } from '@/lib/comments';
import { getNeighbours, getRelatedArticles, getTranslations, type Article } from '@/lib/content';
import { articleLocale, wordsAttributes } from '@/lib/i18n';
import { articlePath } from '@/lib/routes';
import { absoluteUrl } from '@/lib/settings';
import { site } from '@/lib/site';

import { ArticleComments } from './article-comments';

type ArticleViewProps = {
  article: Article;
  comments: ApprovedPage;
  replyTo?: PublicComment | null;
};

/** The article page's body, shared by the article and its no-JavaScript reply page. */
export function ArticleView({ article, comments, replyTo }: ArticleViewProps) {
  const { previous, next } = getNeighbours(article.slug);
  const related = getRelatedArticles(article.slug, site.relatedCount);
  const locale = articleLocale(article);
  const words = { messages: locale.messages, ...wordsAttributes(locale.messages) };
  // The site's words around the article take its face too when they are in an Arabic script.
  const wordsFont = locale.messages.dir === 'rtl' ? vazirmatn.variable : undefined;
  const address = absoluteUrl(articlePath(article.slug));

  return (
    <div className="mx-auto flex max-w-page flex-col gap-12 px-4 py-8">
      {/* Arabic-script text gets Vazirmatn in the article itself only: a Dari headline
          in a list on a Latin page keeps the system face, so that page never downloads it. */}
      <article lang={article.lang} dir={article.dir} className={`${vazirmatn.variable} mx-auto flex w-full max-w-3xl flex-col gap-8`}>
        <ArticleHeader article={article} locale={locale} />
        <TranslationLinks translations={getTranslations(article.slug)} lang={locale.labelLang} label={locale.messages.article.alsoIn} />
        {article.image ? <ArticleFigure image={article.image} lead /> : null}
        <ArticleBody html={article.html} />
        <CorrectionsNote corrections={article.corrections} locale={locale} />
        <TagList tags={article.tags} lang={locale.labelLang} messages={locale.messages} />
        <ShareLinks url={address} title={article.title} messages={locale.messages} lang={locale.labelLang} />
        {/* On paper, where the story came from: the page's chrome is left out (globals.css). */}
        <p dir="ltr" className="hidden text-sm print:block">
          {address}
        </p>
      </article>

      <ArticleComments articleSlug={article.slug} comments={comments} replyTo={replyTo} locale={locale} className={wordsFont} />

      <div className={`mx-auto w-full max-w-3xl ${wordsFont ?? ''}`.trim()}>
        <ArticlePager previous={previous} next={next} {...words} />
      </div>
      <RelatedArticles articles={related} {...words} />
      {/* In the site's language the layout's control serves; in another, this one replaces it. */}
      {words.lang ? (
        <div lang={words.lang} dir={words.dir} className={`contents ${wordsFont ?? ''}`.trim()}>
          <BackToTop label={locale.messages.article.backToTop} scope="page" />
        </div>
      ) : null}
    </div>
  );
}
