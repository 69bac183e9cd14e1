import 'server-only';

/** A path /api/revalidate accepts: site-relative, no scheme, host, query, dot segments or control characters. */
export function isRevalidatablePath(path: unknown): path is string {
  return (
    typeof path === 'string' &&
    path.length <= 1_024 &&
    /^\/(?:[A-Za-z0-9\-._~%]+(?:\/[A-Za-z0-9\-._~%]+)*)?$/.test(path) &&
    !/(?:^|\/)\.{1,2}(?:\/|$)/.test(path)
  );
}
