import type { NextRequest } from 'next/server';

import { issueCommentToken } from '@/lib/comments';
import { getArticle } from '@/lib/content';
import { COMMENT_TOKEN_ARTICLE_PARAM, isSlug } from '@/lib/routes';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * A fresh comment form token for one article. The form asks for it when a
 * reader starts writing, so the token's minimum fill time starts then; a GET
 * changes nothing.
 */
export async function GET(request: NextRequest) {
  const slug = request.nextUrl.searchParams.get(COMMENT_TOKEN_ARTICLE_PARAM) ?? '';
  if (!isSlug(slug) || !getArticle(slug)) {
    return Response.json({ error: 'not-found' }, { status: 404, headers: NO_STORE });
  }
  try {
    return Response.json({ token: issueCommentToken(slug) }, { headers: NO_STORE });
  } catch {
    return Response.json({ error: 'unavailable' }, { status: 503, headers: NO_STORE });
  }
}
