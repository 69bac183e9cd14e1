import 'server-only';

import { cookies, headers } from 'next/headers';

import {
  isModerationEnabled,
  isSameOriginRequest,
  MODERATOR_COOKIE,
  verifyModeratorSession,
  type ModeratorSession,
} from '@/lib/moderation';

/** The signed-in moderator of this request, or null. */
export async function getModeratorSession(): Promise<ModeratorSession | null> {
  if (!isModerationEnabled()) return null;
  return verifyModeratorSession((await cookies()).get(MODERATOR_COOKIE)?.value);
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
