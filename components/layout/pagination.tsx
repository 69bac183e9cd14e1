import Link from 'next/link';

type PaginationProps = {
  /** The listing's first page, e.g. "/" or "/category/politics". */
  basePath: string;
  page: number;
  totalPages: number;
};

/** Page 1 lives at the base path itself; page N at `<base>/page/N`. */
export function pageHref(basePath: string, page: number): string {
  const base = basePath.replace(/\/+$/, '');
  if (page <= 1) return base || '/';
  return `${base}/page/${page}`;
}

const linkClass = 'inline-flex min-h-11 items-center border border-ink px-4 font-semibold text-ink hover:bg-ink hover:text-paper';

export function Pagination({ basePath, page, totalPages }: PaginationProps) {
  if (totalPages <= 1) return null;
  const newer = page > 1 ? pageHref(basePath, page - 1) : null;
  const older = page < totalPages ? pageHref(basePath, page + 1) : null;

  return (
    <nav aria-label="Pagination" className="mt-12 flex flex-wrap items-center justify-between gap-4 border-t border-rule pt-6">
      <div className="min-w-24">
        {newer ? (
          <Link href={newer} rel="prev" className={linkClass}>
            <span aria-hidden="true">←&nbsp;</span>Newer
          </Link>
        ) : null}
      </div>
      <p className="text-sm text-muted">
        Page {page} of {totalPages}
      </p>
      <div className="flex min-w-24 justify-end">
        {older ? (
          <Link href={older} rel="next" className={linkClass}>
            Older<span aria-hidden="true">&nbsp;→</span>
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
