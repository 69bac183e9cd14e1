import 'server-only';

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
<p class="label">${escapeXml(page.label)}</p>
<h1>${escapeXml(page.heading)}</h1>
${page.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
</main>
</body>
</html>
`;
}
