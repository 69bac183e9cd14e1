import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { ERROR_PAGE_CSS } from '@/lib/http/error-page-style';
import { contentSecurityPolicy, securityHeaders } from '@/lib/http/security-headers';
import { imageHostsFrom } from '@/lib/image-hosts';

describe('Content-Security-Policy', () => {
  it('allows pictures from the site, and from IMAGE_HOSTS over https only', () => {
    expect(contentSecurityPolicy()).toContain("img-src 'self' data:;");
    const policy = contentSecurityPolicy(imageHostsFrom('photos.agency.example, CDN.example.org'));
    expect(policy).toContain("img-src 'self' data: https://photos.agency.example https://cdn.example.org;");
  });

  it('allows no inline style but the error pages’ own, by its hash', () => {
    const hash = createHash('sha256').update(ERROR_PAGE_CSS).digest('base64');
    expect(contentSecurityPolicy()).toContain(`style-src 'self' 'sha256-${hash}';`);
    expect(contentSecurityPolicy()).not.toMatch(/style-src[^;]*unsafe-inline/);
  });

  it('is the first of the headers every answer carries', () => {
    const headers = securityHeaders(['photos.agency.example']);
    expect(headers[0]).toEqual({ key: 'Content-Security-Policy', value: contentSecurityPolicy(['photos.agency.example']) });
    expect(headers.map((header) => header.key)).toEqual([
      'Content-Security-Policy',
      'X-Frame-Options',
      'X-Content-Type-Options',
      'Referrer-Policy',
      'Permissions-Policy',
    ]);
  });
});
