import type { NextRequest } from 'next/server';

import { notFoundResponse, previewRefusedResponse, removedArticleResponseFor, tooLargeResponse } from '@/lib/http';
import { checkPreviewCookie, PREVIEW_COOKIE } from '@/lib/preview';
import { articlePath, articleSlugInPath, HOME_PATH, isArticleShapedPath, isUnderArticles, previewSlugInPath } from '@/lib/routes';

// Keep in step with experimental.serverActions.bodySizeLimit in next.config.ts.
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * A comment POST far past the size limit gets a readable 413 page. Without
 * this, Next answers a plain-text 500 past `bodySizeLimit`, or drops the
 * connection while a large body is still arriving. Decided on Content-Length,
 * which browsers always send with a form, so the body is never read. (A
 * chunked body without one meets Next's own limit, a plain 500: let the
 * reverse proxy cap request bodies as well, e.g. nginx `client_max_body_size 1m`.)
 */
export function proxy(request: NextRequest) {
  // Next answers 500 when a dynamic segment is not valid percent-encoded UTF-8
  // (`/articles/%C0%AE`); such an address names nothing here.
  // Methods other than GET, HEAD and POST never get here: the server answers them 405 (lib/request-gate.ts).
  const { pathname } = request.nextUrl;
  if (!isDecodable(pathname)) return notFoundResponse();
  // Only well-formed slugs reach the article routes, so junk addresses
  // (`..%2F..`, `%00`, 5,000 characters) never render or fill the page cache.
  if (isUnderArticles(pathname) && !isArticleShapedPath(pathname)) return notFoundResponse();
  // A preview page opens only with its article's signed, unexpired grant; otherwise the editor is told why.
  const previewed = previewSlugInPath(pathname);
  if (previewed !== undefined) {
    const check = checkPreviewCookie(request.cookies.get(PREVIEW_COOKIE)?.value, previewed);
    if (!check.ok) return previewRefusedResponse(check.reason, check.status);
  }
  // A cross-site POST would be refused by Next with a 500; refuse it plainly first.
  if (request.method === 'POST' && !isSameOrigin(request)) {
    return new Response('Cross-site form posts are not accepted.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  // An article listed in content/removed.yml answers 410 Gone, whatever the method.
  const gone = removedArticleResponseFor(request.nextUrl.pathname);
  if (gone) return gone;
  if (request.method !== 'POST') return;
  const declared = request.headers.get('content-length');
  // Browsers always declare a form's length; a streamed body of unknown size
  // would only meet Next's own limit, which answers a plain 500.
  if (declared === null && isUnderArticles(pathname)) {
    return new Response('A comment must be sent with its length (Content-Length).', {
      status: 411,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' },
    });
  }
  if (!(Number(declared ?? '0') > BODY_LIMIT_BYTES)) return;
  // The API's callers are programs: they get the API's own JSON error.
  if (pathname.startsWith('/api/')) {
    return Response.json(
      { error: `The request body is too large: at most ${BODY_LIMIT_BYTES / 1024 / 1024} MB.` },
      { status: 413, headers: { 'Cache-Control': 'no-store', Connection: 'close' } },
    );
  }
  const slug = articleSlugInPath(pathname);
  return tooLargeResponse(slug ? articlePath(slug) : HOME_PATH);
}

/** A missing Origin is allowed (older clients); the signed form token still guards the action. */
function isSameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// The matcher must be literal: Next reads it without running this file.
// tests/unit/lib/routes.test.ts checks that it is PROXY_SKIPPED_READS and
// PROXY_ALL_BUT_STATIC from lib/routes.ts.
//
// Running this file costs more than serving a cached page (about 40 % of an
// article page's requests per second), so plain reads of the pages readers
// and crawlers ask for most skip it: well-formed addresses of articles,
// listings and feeds, with no body, Origin or action header. Removed articles
// are rewritten to their 410 route by next.config.ts instead. Everything else
// passes through here, except the build's static assets and pictures.
export const config = {
  matcher: [
    '/((?!_next/static|_next/image|images/|favicon|icon|$|page/[0-9]{1,9}$|(?:category|tag|author)/[a-z0-9-]{1,200}(?:/page/[0-9]{1,9})?$|articles/[a-z0-9-]{1,200}$|(?:feed[.]xml|atom[.]xml|feed[.]json|sitemap[.]xml|news-sitemap[.]xml|robots[.]txt)$).*)',
    // Posts: a body, a browser's form or a server action.
    { source: '/((?!_next/static|_next/image|images/|favicon|icon).*)', has: [{ type: 'header', key: 'content-length' }] },
    { source: '/((?!_next/static|_next/image|images/|favicon|icon).*)', has: [{ type: 'header', key: 'transfer-encoding' }] },
    { source: '/((?!_next/static|_next/image|images/|favicon|icon).*)', has: [{ type: 'header', key: 'origin' }] },
    { source: '/((?!_next/static|_next/image|images/|favicon|icon).*)', has: [{ type: 'header', key: 'next-action' }] },
  ],
};
