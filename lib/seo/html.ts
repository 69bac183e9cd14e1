import 'server-only';

// Feed readers show an article away from the site, where a site-relative link
// or picture leads nowhere, so feed content carries absolute URLs. The body is
// sanitized HTML from lib/content; only start tags are rewritten, found by a
// pattern that respects quoted attribute values, so text that merely looks like
// an attribute (say, inside a code sample, where `<` is escaped) is left alone.

const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
const URL_ATTRIBUTE = /(\s)(href|src|poster|cite|srcset)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)/gi;
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * Rewrites relative `href`, `src`, `poster`, `cite` and `srcset` URLs in `html`
 * to absolute ones: `/x` against `siteUrl`, `#x` and `x` against `pageUrl`.
 */
export function absolutizeHtml(html: string, pageUrl: string, siteUrl: string): string {
  return html.replace(START_TAG, (tag) =>
    tag.replace(URL_ATTRIBUTE, (_match, space: string, name: string, equals: string, quoted: string) => {
      const quote = quoted.startsWith('"') || quoted.startsWith("'") ? quoted[0] : '';
      const value = quote ? quoted.slice(1, -1) : quoted;
      const rewritten =
        name.toLowerCase() === 'srcset' ? absolutizeSrcset(value, pageUrl, siteUrl) : absolutizeUrl(value, pageUrl, siteUrl);
      const wrap = quote || '"';
      return `${space}${name}${equals}${wrap}${rewritten}${wrap}`;
    }),
  );
}

/** One URL as it appears in an attribute (entities left as they are). */
export function absolutizeUrl(value: string, pageUrl: string, siteUrl: string): string {
  const url = value.trim();
  if (url === '' || HAS_SCHEME.test(url)) return value;
  if (url.startsWith('//')) return `${new URL(siteUrl).protocol}${url}`;
  if (url.startsWith('/')) return `${siteUrl}${url}`;
  if (url.startsWith('#') || url.startsWith('?')) return `${pageUrl.replace(/[?#].*$/, '')}${url}`;
  try {
    return new URL(url, pageUrl).href;
  } catch {
    return value;
  }
}

function absolutizeSrcset(value: string, pageUrl: string, siteUrl: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptors] = candidate.trim().split(/\s+/);
      return [absolutizeUrl(url, pageUrl, siteUrl), ...descriptors].join(' ');
    })
    .join(', ');
}
