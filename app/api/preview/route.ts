import { draftMode } from 'next/headers';

import { previewRefusedResponse } from '@/lib/http';
import { checkPreview, PREVIEW_COOKIE, previewCookieValue } from '@/lib/preview';
import { previewPath } from '@/lib/routes';

// The preview link's target. A valid link turns on Next.js draft mode and
// leaves the same signed grant in a cookie scoped to that article's preview
// page, so the link can be opened once and the page reloaded until it
// expires; an invalid or expired one gets a sentence saying why.

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const check = checkPreview(new URL(request.url).searchParams);
  if (!check.ok) return previewRefusedResponse(check.reason, check.status);
  const { grant } = check;
  (await draftMode()).enable();
  const target = previewPath(grant.slug);
  const cookie = [
    `${PREVIEW_COOKIE}=${encodeURIComponent(previewCookieValue(grant))}`,
    `Path=${target}`,
    `Max-Age=${Math.max(1, Math.floor((grant.expiresAt - Date.now()) / 1000))}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(new URL(request.url).protocol === 'https:' ? ['Secure'] : []),
  ].join('; ');
  const headers = new Headers({ Location: target, 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' });
  headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
}
