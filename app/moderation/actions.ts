'use server';

import { refresh, revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';

import { setEditFlash } from '@/app/moderation/edit-flash';
import { parseCommentId, parseModerationRequest, safeReturnTo, withNotice, type Notice } from '@/app/moderation/requests';
import { authoriseModeratorAction } from '@/app/moderation/session';
import {
  commentPagesToRevalidate,
  EDITABLE_FIELDS,
  getCommentStore,
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

export async function logIn(form: FormData): Promise<void> {
  const returnTo = safeReturnTo(form.get('returnTo'));
  if (!isModerationEnabled()) redirect(MODERATION_PATH);
  const requestHeaders = await headers();
  if (!isSameOriginRequest(requestHeaders)) redirect(withNotice(returnTo, { error: 'refused' }));
  if (!checkModeratorPassword(form.get('password'))) {
    console.warn('moderation: a sign-in with a wrong password was refused');
    await new Promise((resolve) => setTimeout(resolve, FAILED_LOGIN_DELAY_MS));
    redirect(withNotice(returnTo, { error: 'login' }));
  }
  const session = createModeratorSession(cleanModeratorName(form.get('name')));
  (await cookies()).set(MODERATOR_COOKIE, session, moderatorCookieOptions(isHttpsRequest(requestHeaders)));
  redirect(withNotice(returnTo, { done: 'login' }));
}

export async function logOut(): Promise<void> {
  if (isModerationEnabled() && isSameOriginRequest(await headers())) {
    (await cookies()).delete({ name: MODERATOR_COOKIE, path: MODERATOR_COOKIE_PATH });
    redirect(withNotice(MODERATION_PATH, { done: 'logout' }));
  }
  redirect(withNotice(MODERATION_PATH, { error: 'refused' }));
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
