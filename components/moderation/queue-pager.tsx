type QueuePagerProps = {
  page: number;
  totalPages: number;
  hrefFor: (page: number) => string;
};

const linkClass = 'inline-flex min-h-11 items-center border border-ink px-4 font-semibold hover:bg-ink hover:text-paper';

export function QueuePager({ page, totalPages, hrefFor }: QueuePagerProps) {
  if (totalPages <= 1) return null;
  return (
    <nav aria-label="Queue pages" className="flex flex-wrap items-center justify-between gap-4 pt-4">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev" className={linkClass}>
          Newer
        </a>
      ) : (
        <span />
      )}
      <p className="text-sm text-muted">
        Page {page} of {totalPages}
      </p>
      {page < totalPages ? (
        <a href={hrefFor(page + 1)} rel="next" className={linkClass}>
          Older
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
