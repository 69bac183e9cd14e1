import 'server-only';

import { type RemovedArticle, getRemovedArticle } from '@/lib/content';
import { CACHE_CONTROL } from '@/lib/seo/http';
import { articleSlugOfPage, HOME_PATH } from '@/lib/routes';
import { escapeXml } from '@/lib/seo/xml';
import { type Settings, getSettings } from '@/lib/settings';
import { site } from '@/lib/site';

// The answer at the address of an article listed in content/removed.yml:
// 410 Gone tells search engines to drop the page for good (a 404 would be
// retried). It is answered before any page renders (reads are rewritten to
// app/api/removed/[slug] at build, posts meet proxy.ts), so the page is a
// small self-contained document rather than a rendered route.

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

export function removedArticleHtml(article: RemovedArticle, settings: Pick<Settings, 'siteName' | 'siteLang'>): string {
  const name = escapeXml(settings.siteName);
  const reason = article.reason ? `<p>${escapeXml(article.reason)}</p>` : '';
  return `<!DOCTYPE html>
<html lang="${escapeXml(settings.siteLang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Article removed | ${name}</title>
<style>
body{margin:0;font:1.0625rem/1.6 system-ui,sans-serif;color:#1a1a1a;background:#fdfcf9}
header,main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}
header{border-bottom:1px solid #d8d3c8}
header a{font:900 2rem/1 Georgia,serif;color:inherit;text-decoration:none}
h1{font:700 2rem/1.2 Georgia,serif;margin:0 0 1rem}
.label{font-size:.75rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:#a3261b;margin:0 0 .5rem}
a{color:#1f4e8c}
@media (prefers-color-scheme:dark){body{color:#ece8e1;background:#15140f}header{border-color:#3a372f}a{color:#8fb4e8}}
</style>
</head>
<body>
<header><a href="${HOME_PATH}">${name}</a></header>
<main>
<p class="label">Gone</p>
<h1>This article has been removed</h1>
<p>We took it down on <time datetime="${escapeXml(article.removed)}">${escapeXml(removedOn(article.removed))}</time>, and it will not come back.</p>
${reason}<p><a href="${HOME_PATH}">Read the latest news on the front page</a></p>
</main>
</body>
</html>
`;
}

/** 410 Gone with a readable page, cacheable like the feeds. */
export function removedArticleResponse(article: RemovedArticle, settings: Pick<Settings, 'siteName' | 'siteLang'>): Response {
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
export function notFoundResponse(): Response {
  return new Response(
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Page not found | Dateline</title></head><body><main><h1>We couldn’t find that page</h1><p>The address is not valid. <a href="/">Go to the front page</a>.</p></main></body></html>',
    { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } },
  );
}
