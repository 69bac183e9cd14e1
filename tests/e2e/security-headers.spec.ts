import { expect, test } from '@playwright/test';

import { LONG_ARTICLE } from './pages/site';

// What another site, a browser and an odd client meet on every answer.

const PATHS = ['/', `/articles/${LONG_ARTICLE}`, '/category/news', '/moderation', '/api/health', '/feed.xml', '/no-such-page'];

test('every kind of answer carries the security headers, and no other site may frame a page', async ({ request }) => {
  for (const path of PATHS) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy'], path).toContain("object-src 'none'");
    expect(headers['content-security-policy'], path).toContain("form-action 'self'");
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], path).toContain('camera=()');
    expect(headers['permissions-policy'], path).toContain('geolocation=()');
    // Plain http: no HSTS, which browsers would ignore there anyway.
    expect(headers['strict-transport-security'], path).toBeUndefined();
  }
});

test('answers that came over https (as the proxy in front says) ask browsers to keep to https', async ({ request }) => {
  for (const path of ['/', `/articles/${LONG_ARTICLE}`, '/api/health']) {
    const response = await request.get(path, { headers: { 'x-forwarded-proto': 'https' }, maxRedirects: 0 });
    expect(response.headers()['strict-transport-security'], path).toBe('max-age=31536000');
  }
});

// Refused by the server before Next.js sees the request (lib/request-gate.ts):
// TRACE, which Next.js cannot build a request for, would otherwise be a 500
// with a stack trace, and PUT on a static page a 405 naming GET and HEAD only.
// nginx refuses them in front as well (tests/cluster/nginx.test.ts).
test('TRACE, PUT, OPTIONS and DELETE answer 405 with the allowed methods, not a 500', async ({ request }) => {
  for (const path of ['/moderation', '/api/health', '/api/revalidate', '/search-nothing', '/']) {
    for (const method of ['TRACE', 'PUT', 'OPTIONS', 'DELETE']) {
      const response = await request.fetch(path, { method });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(response.headers().allow).toBe('GET, HEAD, POST');
      expect(response.headers()['x-content-type-options'], `${method} ${path}`).toBe('nosniff');
      expect(await response.text()).toBe('This address answers GET, HEAD and POST only.');
    }
  }
});
