import 'server-only';

import { createHmac, timingSafeEqual } from 'node:crypto';

import { env } from '@/lib/env';
import { isSlug, PREVIEW_API_PATH } from '@/lib/routes';

// Preview links: an editor opens a draft or a scheduled article on the
// production site through a link signed with PREVIEW_SECRET that stops working
// at a set time. The link (`npm run content:preview -- SLUG`) opens
// /api/preview, which turns on Next.js draft mode and keeps the same signed
// grant in a cookie for /preview/<slug>; both are checked on every request, so
// a saved cookie opens nothing once the link has expired.

export const MIN_PREVIEW_SECRET_LENGTH = 32;
/** How long a link works unless the editor asks otherwise. */
export const DEFAULT_PREVIEW_HOURS = 24;
/** A preview link is for reviewing a story, not a standing door. */
export const MAX_PREVIEW_HOURS = 24 * 7;
export const PREVIEW_COOKIE = 'dateline-preview';
export const PREVIEW_PARAMS = { slug: 'slug', expires: 'expires', signature: 'signature' } as const;

const VERSION = 'v1';

export type PreviewGrant = { slug: string; expiresAt: number };
export type PreviewCheck = { ok: true; grant: PreviewGrant } | { ok: false; status: 403 | 404; reason: string };

const HOW_TO_SET = 'Set PREVIEW_SECRET on the server to a random string of at least 32 characters (e.g. `openssl rand -base64 32`).';

/** Why previews cannot be signed or checked with `secret`, or null when they can. */
export function previewSecretProblem(secret: string | undefined = env.previewSecret): string | null {
  if (secret === undefined) return `Previews are off: PREVIEW_SECRET is not set. ${HOW_TO_SET}`;
  const length = [...secret].length;
  return length < MIN_PREVIEW_SECRET_LENGTH ? `PREVIEW_SECRET is too short (${length} characters). ${HOW_TO_SET}` : null;
}

function signature(secret: string, slug: string, expiresAt: number): Buffer {
  return createHmac('sha256', secret).update(`dateline-preview\n${VERSION}\n${slug}\n${expiresAt}`).digest();
}

/** The query of a preview link for `slug`, valid until `expiresAt` (ms since the epoch). */
export function signPreview(grant: PreviewGrant, secret: string | undefined = env.previewSecret): URLSearchParams {
  const problem = previewSecretProblem(secret);
  if (problem || secret === undefined) throw new Error(problem ?? 'PREVIEW_SECRET is not set');
  return new URLSearchParams({
    [PREVIEW_PARAMS.slug]: grant.slug,
    [PREVIEW_PARAMS.expires]: String(grant.expiresAt),
    [PREVIEW_PARAMS.signature]: `${VERSION}.${signature(secret, grant.slug, grant.expiresAt).toString('base64url')}`,
  });
}

/** The whole link an editor opens: `origin` is the site's address. */
export function previewLink(origin: string, grant: PreviewGrant, secret: string | undefined = env.previewSecret): string {
  return `${origin.replace(/\/+$/, '')}${PREVIEW_API_PATH}?${signPreview(grant, secret).toString()}`;
}

/** A link's expiry as the editor reads it: ISO 8601 in UTC, to the second. */
export const expiryText = (time: number): string => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Checks a link's query (or the cookie's copy of it): signed with this
 * server's secret, for a well-formed slug, not expired at `now`. The reason
 * is a sentence for the editor.
 */
export function checkPreview(
  params: URLSearchParams,
  now: number = Date.now(),
  secret: string | undefined = env.previewSecret,
): PreviewCheck {
  const problem = previewSecretProblem(secret);
  if (problem || secret === undefined) return { ok: false, status: 404, reason: problem ?? 'Previews are off.' };
  const slug = params.get(PREVIEW_PARAMS.slug) ?? '';
  const expires = params.get(PREVIEW_PARAMS.expires) ?? '';
  const given = params.get(PREVIEW_PARAMS.signature) ?? '';
  const again = 'Ask for a new link: npm run content:preview -- SLUG.';
  if (!isSlug(slug) || !/^\d{1,15}$/.test(expires) || !given.startsWith(`${VERSION}.`)) {
    return { ok: false, status: 403, reason: `This preview link is incomplete; copy the whole link. ${again}` };
  }
  const expiresAt = Number(expires);
  const expected = signature(secret, slug, expiresAt);
  const received = Buffer.from(given.slice(VERSION.length + 1), 'base64url');
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return {
      ok: false,
      status: 403,
      reason: `This preview link is not valid here: it was changed, or signed with another PREVIEW_SECRET. ${again}`,
    };
  }
  if (expiresAt <= now) {
    return { ok: false, status: 403, reason: `This preview link expired at ${expiryText(expiresAt)}. ${again}` };
  }
  return { ok: true, grant: { slug, expiresAt } };
}

/** The cookie's value: the link's own signed query, so the page checks it the same way. */
export function previewCookieValue(grant: PreviewGrant, secret: string | undefined = env.previewSecret): string {
  return signPreview(grant, secret).toString();
}

/** Checks the cookie for `slug`: the grant must name this article. */
export function checkPreviewCookie(
  value: string | undefined,
  slug: string,
  now: number = Date.now(),
  secret: string | undefined = env.previewSecret,
): PreviewCheck {
  if (!value) {
    return {
      ok: false,
      status: 403,
      reason: 'This preview is not open in this browser (or it expired). Open the preview link again: npm run content:preview -- SLUG.',
    };
  }
  const check = checkPreview(new URLSearchParams(value), now, secret);
  if (check.ok && check.grant.slug !== slug) {
    return {
      ok: false,
      status: 403,
      reason: `The preview open in this browser is of ${check.grant.slug}, not ${slug}. Open this article’s own preview link.`,
    };
  }
  return check;
}
