import { DateTime } from '@/components/article/date-time';
import type { PublicComment } from '@/lib/comments';
import { DEFAULT_LOCALE, fillTemplate, splitTemplate, type ArticleLocale } from '@/lib/i18n';

import { CommentAuthor } from './comment-author';
import { CommentAvatar } from './comment-avatar';
import { CommentText } from './comment-text';

type CommentItemProps = {
  comment: PublicComment;
  /** Shown where nesting stops: the comment this one answers. */
  replyTo?: { id: number; name: string } | null;
  /** The no-JavaScript reply page for this comment. */
  replyHref: string;
  /** The article's words and zone; the site's by default. */
  locale?: ArticleLocale;
};

export function CommentItem({ comment, replyTo, replyHref, locale = DEFAULT_LOCALE }: CommentItemProps) {
  const words = locale.messages.comments;
  const [inReplyBefore, inReplyAfter] = splitTemplate(words.inReplyTo, 'name');
  return (
    <article id={`comment-${comment.id}`} className="flex scroll-mt-6 flex-col gap-3 border-t border-rule pt-4">
      <header className="flex items-center gap-3">
        <CommentAvatar name={comment.name} />
        <div className="flex min-w-0 flex-col">
          <h3 className="text-base font-semibold [overflow-wrap:anywhere]">
            <CommentAuthor name={comment.name} website={comment.website} />
          </h3>
          <p className="text-sm text-muted">
            <a href={`#comment-${comment.id}`} className="hover:underline">
              <DateTime iso={comment.createdAt} withTime locale={locale} />
            </a>
            {replyTo ? (
              <>
                {` · ${inReplyBefore}`}
                <a href={`#comment-${replyTo.id}`} className="hover:underline">
                  <bdi>{replyTo.name}</bdi>
                </a>
                {inReplyAfter}
              </>
            ) : null}
          </p>
        </div>
      </header>
      <CommentText text={comment.body} />
      <p>
        <a
          href={replyHref}
          rel="nofollow"
          aria-label={fillTemplate(words.replyTo, { name: comment.name })}
          className="text-sm font-semibold text-link underline underline-offset-2"
        >
          {words.reply}
        </a>
      </p>
    </article>
  );
}
