// Headers every answer of the site carries, set by next.config.ts `headers()`.
// No imports: next.config.ts reads this file before anything else is built.
//
// The Content-Security-Policy allows scripts and styles from the site only,
// plus inline ones: pages are prerendered once and served to everyone, so
// they cannot carry a per-request nonce, and Next.js writes its inline
// bootstrap scripts differently on every page, so hashes are no fit either.
// Comments and Markdown are escaped and sanitised on the server; what the
// policy adds is that nothing is loaded from anywhere else, no plugin runs,
// forms post only to the site, and no other site may frame any page
// (`frame-ancestors`, with `X-Frame-Options` for older browsers).

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: 'Content-Security-Policy', value: CONTENT_SECURITY_POLICY },
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

/**
 * On answers to requests that came over https (the proxy in front says so
 * with X-Forwarded-Proto): browsers keep to https for this host for a year.
 * Never on plain http, where it would be ignored, nor for subdomains the
 * newsroom may not serve over https.
 */
export const HTTPS_ONLY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: 'Strict-Transport-Security', value: 'max-age=31536000' },
];

/** The methods the site answers; anything else is 405 with `Allow` (proxy.ts, nginx). */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const;
