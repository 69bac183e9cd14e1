import type { ReactNode } from 'react';

import type { CommentThreadNode } from '@/lib/comments';
import { DEFAULT_LOCALE, fillTemplate, formatCount, formatNumber, type ArticleLocale, type Messages } from '@/lib/i18n';

import { CommentPages } from './comment-pages';
import { CommentThread } from './comment-thread';

type CommentSectionProps = {
  articleSlug: string;
  /** Approved comments a reader can see, on all pages. */
  commentCount: number;
  threads: CommentThreadNode[];
  page: number;
  totalPages: number;
  /** The article's words and zone; the site's by default. */
  locale?: ArticleLocale;
  /** The `lang` and direction of the section, where they differ from the page's. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
  className?: string;
  /** The form, rendered after the comments. */
  children?: ReactNode;
};

export function commentCountLabel(count: number, messages: Messages = DEFAULT_LOCALE.messages): string {
  return formatCount(messages.comments.count, count, messages);
}

export function CommentSection({
  articleSlug,
  commentCount,
  threads,
  page,
  totalPages,
  locale = DEFAULT_LOCALE,
  lang,
  dir,
  className = '',
  children,
}: CommentSectionProps) {
  const { messages } = locale;
  return (
    <section
      id="comments"
      aria-labelledby="comments-heading"
      lang={lang}
      dir={dir}
      className={`mx-auto flex w-full max-w-3xl scroll-mt-6 flex-col gap-8 print:hidden ${className}`.trim()}
    >
      <h2 id="comments-heading" className="border-b-2 border-ink pb-2 font-serif text-2xl font-bold">
        {commentCountLabel(commentCount, messages)}
        {page > 1 ? (
          <span className="font-sans text-base font-normal text-muted">
            {fillTemplate(messages.comments.page, { page: formatNumber(page, messages) })}
          </span>
        ) : null}
      </h2>
      {threads.length > 0 ? (
        <CommentThread articleSlug={articleSlug} nodes={threads} locale={locale} />
      ) : commentCount === 0 ? (
        <p className="text-muted">{messages.comments.none}</p>
      ) : null}
      <CommentPages articleSlug={articleSlug} page={page} totalPages={totalPages} messages={messages} />
      {children}
    </section>
  );
}
