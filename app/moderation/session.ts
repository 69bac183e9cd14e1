import 'server-only';

import { cookies, headers } from 'next/headers';

import { getCommentStore } from '@/lib/comments';
import {
  isModerationEnabled,
  isSameOriginRequest,
  MODERATOR_COOKIE,
  verifyModeratorSession,
  type ModeratorSession,
} from '@/lib/moderation';

/**
 * The signed-in moderator of this request, or null: a valid cookie whose
 * session was not ended by signing out (on any server). When the store cannot
 * say, nobody is signed in.
 */
export async function getModeratorSession(): Promise<ModeratorSession | null> {
  if (!isModerationEnabled()) return null;
  const session = verifyModeratorSession((await cookies()).get(MODERATOR_COOKIE)?.value);
  if (!session) return null;
  try {
    return (await (await getCommentStore()).isSessionRevoked(session.id)) ? null : session;
  } catch {
    return null;
  }
}

/**
 * For server actions: the moderator, when the request is a same-origin POST
 * with a valid session. Next.js checks Origin against Host too, but lets a
 * request without Origin through; this does not.
 */
export async function authoriseModeratorAction(): Promise<ModeratorSession | null> {
  if (!isModerationEnabled()) return null;
  if (!isSameOriginRequest(await headers())) return null;
  return getModeratorSession();
}
