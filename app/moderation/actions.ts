'use server';

import { refresh, revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';

import { setEditFlash } from '@/app/moderation/edit-flash';
import {
  type Notice,
  parseCommentId,
  parseModerationRequest,
  safeReturnTo,
  withNotice,
} from '@/app/moderation/requests';
import { authoriseModeratorAction } from '@/app/moderation/session';
import { type CommentStore, getCommentStore, isCommentStoreError } from '@/lib/comments';
import {
  MODERATOR_COOKIE,
  MODERATOR_COOKIE_PATH,
  checkModeratorPassword,
  cleanModeratorName,
  createModeratorSession,
  isHttpsRequest,
  isModerationEnabled,
  isSameOriginRequest,
  moderatorCookieOptions,
} from '@/lib/comments/moderator-auth';
import { commentPagesToRevalidate } from '@/lib/comments/revalidation';

// Every action checks for itself: a server action is a public POST endpoint.
// Success and failure end in a redirect (post/redirect/get), so reloading the
// page never repeats a change; only a refused edit renders in place.

const FAILED_LOGIN_DELAY_MS = 400;

function storeProblem(error: unknown, during: string): Notice['error'] {
  if (isCommentStoreError(error)) {
    console.error(`moderation: ${during} failed: ${error.code}: ${error.message}`, error.details);
    return error.code === 'busy' || error.code === 'conflict' ? 'busy' : 'unavailable';
  }
  console.error(`moderation: ${during} failed: ${error instanceof Error ? error.name : 'unknown error'}`);
  return 'unavailable';
}

async function revalidateArticles(store: CommentStore, slugs: readonly string[], changed: number): Promise<void> {
  if (slugs.length === 0) return;
  for (const path of await commentPagesToRevalidate(store, slugs, changed)) revalidatePath(path);
}

export async function logIn(form: FormData): Promise<void> {
  const returnTo = safeReturnTo(form.get('returnTo'));
  if (!isModerationEnabled()) redirect('/moderation');
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
    redirect(withNotice('/moderation', { done: 'logout' }));
  }
  redirect(withNotice('/moderation', { error: 'refused' }));
}

export async function moderateComments(form: FormData): Promise<void> {
  const returnTo = safeReturnTo(form.get('returnTo'));
  const session = await authoriseModeratorAction();
  if (!session) redirect(withNotice('/moderation', { error: 'refused' }));
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
    notice = { error: storeProblem(error, request.action) };
  }
  redirect(withNotice(returnTo, notice));
}

export async function editComment(form: FormData): Promise<void> {
  const session = await authoriseModeratorAction();
  if (!session) redirect(withNotice('/moderation', { error: 'refused' }));
  const id = parseCommentId(form.get('id'));
  if (id === null) redirect(withNotice('/moderation', { error: 'bad-request' }));
  const page = `/moderation/comments/${id}`;
  // The form names the text "comment", as the reader's form does; the store calls it body.
  const fields = {
    name: form.get('name') ?? undefined,
    email: form.get('email') ?? undefined,
    website: form.get('website') ?? undefined,
    body: form.get('comment') ?? undefined,
  };

  let notice: Notice;
  try {
    const store = await getCommentStore();
    const result = await store.edit(id, fields, session.actor);
    if (result.outcome === 'invalid') {
      await setEditFlash({ id, fieldErrors: result.fieldErrors, values: result.values });
      // Renders the page again in this response, with the errors beside their fields.
      refresh();
      return;
    }
    if (result.outcome === 'not-found') {
      notice = { error: 'not-found' };
    } else {
      await revalidateArticles(store, result.articleSlugs, 0);
      notice = { done: 'edit' };
    }
  } catch (error) {
    notice = { error: storeProblem(error, 'edit') };
  }
  redirect(withNotice(notice.error === 'not-found' ? '/moderation' : page, notice));
}
