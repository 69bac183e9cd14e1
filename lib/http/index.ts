import 'server-only';

// HTTP answers the site gives outside rendered pages: cache headers, feed and
// sitemap responses, and the plain 404, 410 and 413 pages.

export { CACHE_CONTROL, XML_CONTENT_TYPE, outputHeaders, outputResponse } from '@/lib/http/headers';
export type { OutputOptions } from '@/lib/http/headers';
export { errorPageHtml } from '@/lib/http/error-page';
export { ALLOWED_METHODS, SECURITY_HEADERS } from '@/lib/http/security-headers';
export type { ErrorPage, ErrorPageSettings } from '@/lib/http/error-page';
export {
  notFoundResponse,
  previewRefusedResponse,
  removedArticleHtml,
  removedArticleResponse,
  removedArticleResponseFor,
  removedOn,
  removedSlugResponse,
  tooLargeResponse,
} from '@/lib/http/gone';
export {
  categoryFeedResponse,
  newsSitemapResponse,
  siteFeedResponse,
  sitemapPartFiles,
  sitemapPartResponse,
  sitemapResponse,
} from '@/lib/http/responses';
