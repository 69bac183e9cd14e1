import { describe, expect, it } from 'vitest';

import { checkPreview, checkPreviewCookie, previewCookieValue, previewLink, previewSecretProblem, signPreview } from '@/lib/preview';

const secret = 'preview-secret-that-is-long-enough-0123456789';
const now = Date.UTC(2026, 11, 7, 9, 0);
const grant = { slug: 'budget-vote', expiresAt: now + 3_600_000 };

describe('preview links', () => {
  it('open the article they name until they expire', () => {
    const params = signPreview(grant, secret);
    expect(checkPreview(params, now, secret)).toEqual({ ok: true, grant });
    expect(checkPreview(params, grant.expiresAt - 1, secret).ok).toBe(true);
    const expired = checkPreview(params, grant.expiresAt, secret);
    expect(expired).toEqual({
      ok: false,
      status: 403,
      reason: 'This preview link expired at 2026-12-07T10:00:00Z. Ask for a new link: npm run content:preview -- SLUG.',
    });
  });

  it('are bound to their slug, their expiry and the server secret', () => {
    const params = signPreview(grant, secret);
    for (const [name, value] of [
      ['slug', 'other-story'],
      ['expires', String(grant.expiresAt + 86_400_000)],
    ] as const) {
      const changed = new URLSearchParams(params);
      changed.set(name, value);
      const check = checkPreview(changed, now, secret);
      expect(check).toMatchObject({
        ok: false,
        status: 403,
        reason: expect.stringContaining('was changed, or signed with another PREVIEW_SECRET'),
      });
    }
    expect(checkPreview(params, now, `${secret}-other`).ok).toBe(false);
    const cut = new URLSearchParams(params);
    cut.delete('signature');
    expect(checkPreview(cut, now, secret)).toMatchObject({ ok: false, reason: expect.stringContaining('incomplete') });
  });

  it('are off, with the reason, while PREVIEW_SECRET is missing or short', () => {
    expect(previewSecretProblem(undefined)).toContain('PREVIEW_SECRET is not set');
    expect(previewSecretProblem('short')).toContain('PREVIEW_SECRET is too short (5 characters)');
    expect(previewSecretProblem(secret)).toBeNull();
    expect(checkPreview(signPreview(grant, secret), now, undefined)).toMatchObject({ ok: false, status: 404 });
    expect(() => signPreview(grant, 'short')).toThrow('PREVIEW_SECRET is too short');
  });

  it('is a link to the site’s /api/preview', () => {
    const link = new URL(previewLink('https://news.example.org/', grant, secret));
    expect(link.origin + link.pathname).toBe('https://news.example.org/api/preview');
    expect(checkPreview(link.searchParams, now, secret).ok).toBe(true);
  });
});

describe('the preview cookie', () => {
  it('opens only the article it was issued for', () => {
    const value = previewCookieValue(grant, secret);
    expect(checkPreviewCookie(value, 'budget-vote', now, secret)).toEqual({ ok: true, grant });
    expect(checkPreviewCookie(value, 'other-story', now, secret)).toMatchObject({
      ok: false,
      reason: 'The preview open in this browser is of budget-vote, not other-story. Open this article’s own preview link.',
    });
    expect(checkPreviewCookie(value, 'budget-vote', grant.expiresAt, secret)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('expired'),
    });
    expect(checkPreviewCookie(undefined, 'budget-vote', now, secret)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not open in this browser'),
    });
  });
});
