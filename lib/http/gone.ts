import 'server-only';

import { COMMENT_LIMITS } from '@/lib/comments';
import { getRemovedArticle, type RemovedArticle } from '@/lib/content';
import { errorPageHtml, type ErrorPageSettings } from '@/lib/http/error-page';
import { CACHE_CONTROL } from '@/lib/http/headers';
import { articleSlugOfPage, HOME_PATH } from '@/lib/routes';
import { escapeXml } from '@/lib/seo';
import { getSettings } from '@/lib/settings';
import { site } from '@/lib/site';

// The answer at the address of an article listed in content/removed.yml:
// 410 Gone tells search engines to drop the page for good (a 404 would be
// retried). It is answered before any page renders (reads are rewritten to
// app/api/removed/[slug] at build, posts meet proxy.ts), like the 404 and
// 413 answers below, all from one template (error-page.ts).

/** The day an article was removed, as readers see dates elsewhere on the site. */
export function removedOn(removed: string): string {
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(removed);
  const format = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'long',
    // A day written without a time is that calendar day wherever the reader is.
    timeZone: dayOnly ? 'UTC' : site.timeZone,
  });
  return format.format(new Date(dayOnly ? `${removed}T12:00:00Z` : removed));
}

export function removedArticleHtml(article: RemovedArticle, settings: ErrorPageSettings): string {
  const removed = `<time datetime="${escapeXml(article.removed)}">${escapeXml(removedOn(article.removed))}</time>`;
  return errorPageHtml(
    {
      label: 'Gone',
      title: 'Article removed',
      heading: 'This article has been removed',
      paragraphs: [
        `We took it down on ${removed}, and it will not come back.`,
        ...(article.reason ? [escapeXml(article.reason)] : []),
        `<a href="${HOME_PATH}">Read the latest news on the front page</a>`,
      ],
    },
    settings,
  );
}

/** 410 Gone with a readable page, cacheable like the feeds. */
export function removedArticleResponse(article: RemovedArticle, settings: ErrorPageSettings): Response {
  return new Response(removedArticleHtml(article, settings), {
    status: 410,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': CACHE_CONTROL,
      'X-Robots-Tag': 'noindex',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** 410 Gone when `pathname` is the address of a removed article, else null. */
export function removedArticleResponseFor(pathname: string): Response | null {
  const slug = articleSlugOfPage(pathname);
  return slug ? removedSlugResponse(slug) : null;
}

/** 410 Gone when `slug` is listed in removed.yml, else null. */
export function removedSlugResponse(slug: string): Response | null {
  const article = getRemovedArticle(slug);
  return article ? removedArticleResponse(article, getSettings()) : null;
}

/** A plain 404 for an address that names nothing here, answered before any page renders. */
export function notFoundResponse(settings: ErrorPageSettings = getSettings()): Response {
  const html = errorPageHtml(
    {
      label: 'Error 404',
      title: 'Page not found',
      heading: 'We couldn’t find that page',
      paragraphs: [`The address is not valid. <a href="${HOME_PATH}">Go to the front page</a>.`],
    },
    settings,
  );
  return new Response(html, { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/** A preview link or cookie that opens nothing: why, and how to get a working one. Never cached or indexed. */
export function previewRefusedResponse(reason: string, status: 403 | 404, settings: ErrorPageSettings = getSettings()): Response {
  const html = errorPageHtml(
    {
      label: status === 404 ? 'Previews are off' : 'Preview',
      title: 'Preview not available',
      heading: 'This preview cannot be opened',
      paragraphs: [escapeXml(reason), `<a href="${HOME_PATH}">Go to the front page</a>.`],
    },
    settings,
  );
  return new Response(html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' },
  });
}

const counter = new Intl.NumberFormat('en-US');

/** 413 for a comment post far past the body size limit, with the way back to the article. */
export function tooLargeResponse(returnTo: string, settings: ErrorPageSettings = getSettings()): Response {
  const html = errorPageHtml(
    {
      label: 'Error 413',
      title: 'Your comment is too long',
      heading: 'Your comment is too long to send',
      paragraphs: [
        `A comment can be at most ${counter.format(COMMENT_LIMITS.body)} characters, and what you sent is far longer, so it was not posted.`,
        'Go back with your browser&rsquo;s Back button: your text is usually still in the form. Shorten it, then post it again.',
        `<a href="${escapeXml(returnTo)}#comments">Return to the article</a>`,
      ],
    },
    settings,
  );
  return new Response(html, {
    status: 413,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' },
  });
}
