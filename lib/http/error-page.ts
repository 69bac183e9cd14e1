import 'server-only';

import { ERROR_PAGE_CSS } from '@/lib/http/error-page-style';
import { HOME_PATH } from '@/lib/routes';
import { escapeXml } from '@/lib/seo';
import type { Settings } from '@/lib/settings';

// The answers given before any page renders (404 for an address that names
// nothing, 410 for a removed article, 413 for a comment far too long): small
// self-contained documents, not rendered routes, so they share this one
// template, named and labelled from the site settings.

export type ErrorPageSettings = Pick<Settings, 'siteName' | 'siteLang'>;

export type ErrorPage = {
  /** The short label above the heading (`Gone`, `Error 404`). */
  label: string;
  /** The document title before ` | site name`. */
  title: string;
  heading: string;
  /** Paragraphs of the page, already HTML (escape any text that comes from outside). */
  paragraphs: string[];
};

export function errorPageHtml(page: ErrorPage, settings: ErrorPageSettings): string {
  const name = escapeXml(settings.siteName);
  return `<!DOCTYPE html>
<html lang="${escapeXml(settings.siteLang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeXml(page.title)} | ${name}</title>
<style>${ERROR_PAGE_CSS}</style>
</head>
<body>
<header><a href="${HOME_PATH}">${name}</a></header>
<main>
<p class="label">${escapeXml(page.label)}</p>
<h1>${escapeXml(page.heading)}</h1>
${page.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
</main>
</body>
</html>
`;
}
