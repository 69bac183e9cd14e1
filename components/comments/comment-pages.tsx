import { DEFAULT_LOCALE, formatNumber, type Messages } from '@/lib/i18n';
import { commentsPageHref } from '@/lib/routes';

type CommentPagesProps = {
  articleSlug: string;
  page: number;
  totalPages: number;
  messages?: Messages;
};

const linkClass =
  'inline-flex min-h-11 min-w-11 items-center justify-center border border-ink px-3 font-semibold hover:bg-ink hover:text-paper';

/** Plain links to every page of comments, so crawlers reach them all. */
export function CommentPages({ articleSlug, page, totalPages, messages = DEFAULT_LOCALE.messages }: CommentPagesProps) {
  if (totalPages <= 1) return null;
  const words = messages.comments;
  const pages = Array.from({ length: totalPages }, (_, index) => index + 1);
  return (
    <nav aria-label={words.pages} className="border-t border-rule pt-4">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <a href={commentsPageHref(articleSlug, page - 1)} rel="prev" className={linkClass}>
              {words.earlier}
            </a>
          </li>
        ) : null}
        {pages.map((n) => (
          <li key={n}>
            {n === page ? (
              <span aria-current="page" className={`${linkClass} bg-ink text-paper`}>
                <span className="sr-only">{words.pageNumber}</span>
                {formatNumber(n, messages)}
              </span>
            ) : (
              <a href={commentsPageHref(articleSlug, n)} className={linkClass}>
                <span className="sr-only">{words.pageNumber}</span>
                {formatNumber(n, messages)}
              </a>
            )}
          </li>
        ))}
        {page < totalPages ? (
          <li>
            <a href={commentsPageHref(articleSlug, page + 1)} rel="next" className={linkClass}>
              {words.later}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
