// Headers every answer of the site carries, set by next.config.ts `headers()`.
// No imports from the app: next.config.ts reads this file before anything else is built.
//
// The Content-Security-Policy allows scripts, styles, pictures, fonts and
// connections from the site only. Styles are the site's stylesheet alone: no
// page carries a style attribute (comment avatars are coloured with classes),
// and the one inline <style>, that of the small error pages, is allowed by its
// hash. Scripts need one exception, 'unsafe-inline': Next.js
// writes each page's React Server Components payload into inline scripts
// (`self.__next_f.push(…)`), different on every page. A per-request nonce
// would make every page dynamic (no prerendering, no shared cache), and
// hashes cannot be listed in one header for all pages; Next.js's subresource
// integrity (next.config.ts `experimental.sri`) covers its script files but
// not these inline scripts (vercel/next.js#95354). Comments and Markdown are
// escaped and sanitised on the server; what the policy adds is that nothing is
// loaded from anywhere else, a script file altered on the way does not run, no
// plugin runs, forms post only to the site, and no other site may frame any
// page (`frame-ancestors`, with `X-Frame-Options` for older browsers).

import { createHash } from 'node:crypto';

import { ERROR_PAGE_CSS } from './error-page-style';

const ERROR_PAGE_STYLE_HASH = `'sha256-${createHash('sha256').update(ERROR_PAGE_CSS).digest('base64')}'`;

/** The policy, with the IMAGE_HOSTS (lib/image-hosts.ts) pictures may also come from, over https. */
export function contentSecurityPolicy(imageHosts: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    `style-src 'self' ${ERROR_PAGE_STYLE_HASH}`,
    ["img-src 'self' data:", ...imageHosts.map((host) => `https://${host}`)].join(' '),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const OTHER_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // Nothing the site does needs a camera, a microphone, a position, payments,
  // USB, sensors or the browsing-topics interest API: all off, for every frame.
  {
    key: 'Permissions-Policy',
    value: [
      'accelerometer=()',
      'browsing-topics=()',
      'camera=()',
      'geolocation=()',
      'gyroscope=()',
      'magnetometer=()',
      'microphone=()',
      'payment=()',
      'usb=()',
    ].join(', '),
  },
];

/** The headers of every answer, for a site built with these IMAGE_HOSTS (next.config.ts). */
export function securityHeaders(imageHosts: readonly string[] = []): ReadonlyArray<{ key: string; value: string }> {
  return [{ key: 'Content-Security-Policy', value: contentSecurityPolicy(imageHosts) }, ...OTHER_HEADERS];
}

/** Those headers for the server's own plain answers (a 405), which show no picture. */
export const SECURITY_HEADERS = securityHeaders();

/**
 * On answers to requests that came over https (the proxy in front says so
 * with X-Forwarded-Proto): browsers keep to https for this host for a year.
 * Never on plain http, where it would be ignored, nor for subdomains the
 * newsroom may not serve over https.
 */
export const HTTPS_ONLY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: 'Strict-Transport-Security', value: 'max-age=31536000' },
];

/** The methods the site answers; anything else is 405 with `Allow` (lib/request-gate.ts, nginx). */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const;
