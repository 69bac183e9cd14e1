// @ts-check
// What the page cache never keeps, whichever handler holds it (the build
// folder or Redis). Plain JavaScript for the same reason as the handlers:
// Next.js loads them by path, outside the app's bundles.

/**
 * A "not found" answer (a page's notFound(), a route's 404). Kept, every
 * made-up address (`/articles/aaa-1` … `aaa-100000`, `/tag/…`, `/page/9999`)
 * would add a page to the cache for good: on disk, in memory and in Redis.
 * Not keeping it costs one render of the small 404 page per such request,
 * and an article published at that address later renders on its first
 * request like any other.
 *
 * @param {unknown} data a cache entry's value as Next.js hands it to `set`
 */
export function isNotFoundAnswer(data) {
  if (typeof data !== 'object' || data === null) return false;
  const { kind, status } = /** @type {{ kind?: unknown; status?: unknown }} */ (data);
  return (kind === 'APP_PAGE' || kind === 'APP_ROUTE' || kind === 'PAGES') && status === 404;
}
