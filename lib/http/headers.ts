import 'server-only';

import { createHash } from 'node:crypto';

import { rfc822 } from '@/lib/seo';

// Feeds and sitemaps are prerendered once per build. A CDN may serve them for
// five minutes, then keeps serving the old copy for up to a day while it
// fetches a fresh one in the background. Next.js keeps a Cache-Control set by
// a route handler; it does not add an ETag to route handler responses, so one
// is computed here from the body.
export const CACHE_CONTROL = 'public, max-age=0, s-maxage=300, stale-while-revalidate=86400';

export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

export type OutputOptions = {
  contentType: string;
  /** ISO 8601 time of the newest change in the document. */
  lastModified?: string;
};

export function outputHeaders(body: string, options: OutputOptions): Headers {
  const headers = new Headers({
    'Content-Type': options.contentType,
    'Cache-Control': CACHE_CONTROL,
    ETag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
    'X-Content-Type-Options': 'nosniff',
  });
  if (options.lastModified) headers.set('Last-Modified', rfc822(options.lastModified));
  return headers;
}

/** A 200 response for a feed or sitemap. */
export function outputResponse(body: string, options: OutputOptions): Response {
  return new Response(body, { status: 200, headers: outputHeaders(body, options) });
}
