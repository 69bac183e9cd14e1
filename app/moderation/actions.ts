'use server';

import { refresh, revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';

import { setEditFlash } from '@/app/moderation/edit-flash';
import { parseCommentId, parseModerationRequest, safeReturnTo, withNotice, type Notice } from '@/app/moderation/requests';
import { authoriseModeratorAction } from '@/app/moderation/session';
import { limitAddress } from '@/lib/client-address';
import {
  commentPagesToRevalidate,
  EDITABLE_FIELDS,
  getCommentStore,
  hashIp,
  isCommentStoreError,
  parseCommentEdit,
  retryPolicy,
  type CommentStore,
} from '@/lib/comments';
import {
  checkModeratorPassword,
  cleanModeratorName,
  createModeratorSession,
  isHttpsRequest,
  isModerationEnabled,
  isSameOriginRequest,
  MODERATOR_COOKIE,
  MODERATOR_COOKIE_PATH,
  moderatorCookieOptions,
  verifyModeratorSession,
} from '@/lib/moderation';
import { MODERATION_PATH, moderationCommentPath } from '@/lib/routes';

// Every action checks for itself: a server action is a public POST endpoint.
// Success and failure end in a redirect (post/redirect/get), so reloading the
// page never repeats a change; only a refused edit renders in place.

const FAILED_LOGIN_DELAY_MS = 400;

// Logs a store failure and names its notice: "busy" asks to try again now, "unavailable" later.
function failureNotice(error: unknown, during: string): Notice['error'] {
  if (isCommentStoreError(error)) {
    console.error(`moderation: ${during} failed: ${error.code}: ${error.message}`, error.details);
  } else {
    console.error(`moderation: ${during} failed: ${error instanceof Error ? error.name : 'unknown error'}`);
  }
  return retryPolicy(error) === 'now' ? 'busy' : 'unavailable';
}

async function revalidateArticles(store: CommentStore, slugs: readonly string[], changed: number): Promise<void> {
  if (slugs.length === 0) return;
  for (const path of await commentPagesToRevalidate(store, slugs, changed)) revalidatePath(path);
}

/**
 * Signs a moderator in. Every attempt is counted in the store before the
 * password is checked, so wrong passwords are limited per address and
 * overall across every app server (lib/comments/access.ts); each attempt
 * leaves an audit line with the address's hash, never the password.
 */
export async function logIn(form: FormData): Promise<void> {
  const returnTo = safeReturnTo(form.get('returnTo'));
  if (!isModerationEnabled()) redirect(MODERATION_PATH);
  const requestHeaders = await headers();
  if (!isSameOriginRequest(requestHeaders)) redirect(withNotice(returnTo, { error: 'refused' }));
  const ipHash = hashIp(limitAddress(requestHeaders)) ?? 'unrecorded';
  const from = `address ${ipHash.slice(0, 12)}`;
  const name = cleanModeratorName(form.get('name'));
  let notice: Notice;
  try {
    const store = await getCommentStore();
    const attempt = await store.beginSignIn(ipHash);
    if (!attempt.allowed) {
      const minutes = Math.ceil(attempt.retryAfterMs / 60_000);
      console.warn(
        `moderation: sign-in refused without checking the password: too many wrong passwords ${attempt.scope === 'address' ? 'from this address' : 'from all addresses'} (${from}); open again in ${minutes} min`,
      );
      notice = { error: 'locked', minutes };
    } else if (!checkModeratorPassword(form.get('password'))) {
      console.warn(`moderation: sign-in refused: wrong password (${from}; ${attempt.failuresFromAddress + 1} in 15 min)`);
      await new Promise((resolve) => setTimeout(resolve, FAILED_LOGIN_DELAY_MS));
      notice = { error: 'login' };
    } else {
      await store.signInSucceeded(attempt.attemptId, ipHash);
      const session = createModeratorSession(name);
      (await cookies()).set(MODERATOR_COOKIE, session, moderatorCookieOptions(isHttpsRequest(requestHeaders)));
      console.log(`moderation: signed in${name ? ` as ${JSON.stringify(name)}` : ''} (${from})`);
      notice = { done: 'login' };
    }
  } catch (error) {
    notice = { error: failureNotice(error, 'signing in') };
  }
  redirect(withNotice(returnTo, notice));
}

/** Signs out: the session is recorded as revoked, so a saved copy of the cookie opens nothing on any server. */
export async function logOut(): Promise<void> {
  if (!isModerationEnabled() || !isSameOriginRequest(await headers())) redirect(withNotice(MODERATION_PATH, { error: 'refused' }));
  const jar = await cookies();
  const session = verifyModeratorSession(jar.get(MODERATOR_COOKIE)?.value);
  let notice: Notice = { done: 'logout' };
  if (session) {
    try {
      await (await getCommentStore()).revokeSession(session.id, new Date(session.expiresAt));
      console.log(`moderation: signed out${session.name ? ` ${JSON.stringify(session.name)}` : ''}`);
    } catch (error) {
      // The cookie is still removed from this browser; the notice says the session could not be ended everywhere.
      notice = { error: failureNotice(error, 'signing out') };
    }
  }
  jar.delete({ name: MODERATOR_COOKIE, path: MODERATOR_COOKIE_PATH });
  redirect(withNotice(MODERATION_PATH, notice));
}

export async function moderateComments(form: FormData): Promise<void> {
  const returnTo = safeReturnTo(form.get('returnTo'));
  const session = await authoriseModeratorAction();
  if (!session) redirect(withNotice(MODERATION_PATH, { error: 'refused' }));
  const request = parseModerationRequest(form);
  if ('problem' in request) redirect(withNotice(returnTo, { error: request.problem }));

  let notice: Notice;
  try {
    const store = await getCommentStore();
    const result = await store.moderate(request.ids, request.action, session.actor);
    await revalidateArticles(store, result.articleSlugs, result.changed.length);
    notice = {
      done: request.action,
      changed: result.changed.length,
      unchanged: result.unchanged.length,
      notFound: result.notFound.length,
    };
  } catch (error) {
    notice = { error: failureNotice(error, request.action) };
  }
  redirect(withNotice(returnTo, notice));
}

export async function editComment(form: FormData): Promise<void> {
  const session = await authoriseModeratorAction();
  if (!session) redirect(withNotice(MODERATION_PATH, { error: 'refused' }));
  const id = parseCommentId(form.get('id'));
  if (id === null) redirect(withNotice(MODERATION_PATH, { error: 'bad-request' }));
  const page = moderationCommentPath(id);
  // The edit form posts the reader form's names; a field left out stays as it is.
  const fields = Object.fromEntries(EDITABLE_FIELDS.map((field) => [field, form.get(field) ?? undefined]));

  let notice: Notice;
  try {
    const store = await getCommentStore();
    const parsed = parseCommentEdit(fields);
    if (!parsed.ok) {
      await setEditFlash({ id, fieldErrors: parsed.fieldErrors, values: parsed.values });
      // Renders the page again in this response, with the errors beside their fields.
      refresh();
      return;
    }
    const result = await store.edit(id, parsed.value, session.actor);
    if (result.outcome === 'not-found') {
      notice = { error: 'not-found' };
    } else {
      await revalidateArticles(store, result.articleSlugs, 0);
      notice = { done: 'edit' };
    }
  } catch (error) {
    notice = { error: failureNotice(error, 'edit') };
  }
  redirect(withNotice(notice.error === 'not-found' ? MODERATION_PATH : page, notice));
}
