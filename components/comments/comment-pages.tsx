import { commentsPageHref } from '@/lib/routes';

type CommentPagesProps = {
  articleSlug: string;
  page: number;
  totalPages: number;
};

const linkClass =
  'inline-flex min-h-11 min-w-11 items-center justify-center border border-ink px-3 font-semibold hover:bg-ink hover:text-paper';

/** Plain links to every page of comments, so crawlers reach them all. */
export function CommentPages({ articleSlug, page, totalPages }: CommentPagesProps) {
  if (totalPages <= 1) return null;
  const pages = Array.from({ length: totalPages }, (_, index) => index + 1);
  return (
    <nav aria-label="Comment pages" className="border-t border-rule pt-4">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <a href={commentsPageHref(articleSlug, page - 1)} rel="prev" className={linkClass}>
              Earlier comments
            </a>
          </li>
        ) : null}
        {pages.map((n) => (
          <li key={n}>
            {n === page ? (
              <span aria-current="page" className={`${linkClass} bg-ink text-paper`}>
                <span className="sr-only">Page </span>
                {n}
              </span>
            ) : (
              <a href={commentsPageHref(articleSlug, n)} className={linkClass}>
                <span className="sr-only">Page </span>
                {n}
              </a>
            )}
          </li>
        ))}
        {page < totalPages ? (
          <li>
            <a href={commentsPageHref(articleSlug, page + 1)} rel="next" className={linkClass}>
              Later comments
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
