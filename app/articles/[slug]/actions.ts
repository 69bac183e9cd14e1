'use server';

import { headers } from 'next/headers';

import { limitAddress } from '@/lib/client-address';
import {
  assessComment,
  COMMENT_FORM_FIELDS,
  commentFormValues,
  EMPTY_COMMENT_FORM_VALUES,
  FORM_FIELD,
  formKey,
  getCommentStore,
  hashIp,
  isCommentStoreError,
  issueCommentToken,
  parseCommentInput,
  retryPolicy,
  submissionKey,
  TOKEN_MIN_AGE_MS,
  tokenProblemMessage,
  verifyCommentToken,
  type CommentFormState,
} from '@/lib/comments';
import { getArticle } from '@/lib/content';
import { messagesFor, type Messages } from '@/lib/i18n';
import { isSlug } from '@/lib/routes';

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** The words of the posted article's language; the site's when the form names no article or the content cannot be read. */
function articleLanguage(formData: FormData): Messages {
  const slug = text(formData, FORM_FIELD.articleSlug);
  try {
    return messagesFor((isSlug(slug) && getArticle(slug)?.lang) || '');
  } catch {
    return messagesFor('');
  }
}

/** The reader's address (the connection's, or past TRUSTED_PROXIES: lib/client-address.ts), hashed. */
async function clientIpHash(): Promise<string | null> {
  return hashIp(limitAddress(await headers()));
}

/**
 * The comment form's action: parses, checks the token and spam rules, stores,
 * and answers with a state, in the article's language (the site's for a form
 * that names no article).
 */
export async function submitComment(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const values = commentFormValues(formData);
  const language = articleLanguage(formData);
  const MESSAGES = language.commentForm.messages;

  try {
    const parsed = parseCommentInput(formData, language);
    // A form for no article has nothing to correct, so the article is answered first. The posted
    // slug is used only when the schema found nothing wrong with it.
    const articleSlug = parsed.ok
      ? parsed.value.articleSlug
      : parsed.fieldErrors.articleSlug
        ? null
        : text(formData, FORM_FIELD.articleSlug);
    if (articleSlug === null || !getArticle(articleSlug)) {
      return { status: 'invalid', message: MESSAGES.article, values };
    }
    if (!parsed.ok) {
      const fieldErrors: CommentFormState['fieldErrors'] = {};
      for (const field of COMMENT_FORM_FIELDS) {
        const message = parsed.fieldErrors[field];
        if (message) fieldErrors[field] = message;
      }
      const message =
        Object.keys(fieldErrors).length > 0 ? MESSAGES.fields : parsed.fieldErrors.parentId ? MESSAGES.parent : MESSAGES.article;
      return { status: 'invalid', message, fieldErrors, values };
    }
    const input = parsed.value;

    // Checked after the fields, so a reader sees what to correct first; either way nothing is stored.
    const token = verifyCommentToken(text(formData, FORM_FIELD.token), articleSlug);
    if (!token.ok) {
      return {
        status: 'invalid',
        message: tokenProblemMessage(token.reason, language.commentForm),
        values,
        token: issueCommentToken(articleSlug),
      };
    }

    const honeypot = text(formData, FORM_FIELD.honeypot);
    const verdict = assessComment({ name: input.name, body: input.body, website: input.website, honeypot });
    const store = await getCommentStore();
    const result = await store.create(input, {
      idempotencyKey: submissionKey(token.nonce, input),
      formKey: formKey(token.nonce),
      ipHash: await clientIpHash(),
      status: verdict.status,
      statusReason: verdict.reason,
    });

    switch (result.outcome) {
      // A fresh form with each answer: a form sends one comment per reader.
      case 'created':
      case 'duplicate-submission':
        return { status: 'success', message: MESSAGES.success, values: EMPTY_COMMENT_FORM_VALUES, token: issueCommentToken(articleSlug) };
      // The reader has filled this form already: its fresh token counts as filled, so a second press is not "too fast".
      case 'form-used':
        return {
          status: 'invalid',
          message: MESSAGES.formUsed,
          values,
          token: issueCommentToken(articleSlug, { now: Date.now() - TOKEN_MIN_AGE_MS }),
        };
      case 'duplicate-content':
        return { status: 'invalid', message: MESSAGES.duplicate, values };
      case 'flood':
        return { status: 'invalid', message: MESSAGES.flood, values };
      case 'parent-not-found':
      case 'parent-not-approved':
        return { status: 'invalid', message: MESSAGES.parent, values };
    }
  } catch (error) {
    // The code, the store's own sentence and the file it concerns are logged: never the form's fields, never the driver's message.
    const cause = isCommentStoreError(error) ? `${error.code}: ${error.logMessage}` : error instanceof Error ? error.name : typeof error;
    console.error(`comment submission failed: ${cause}`);
    // Anything but a bug can be waited out, a missing setting included: it is the deployment's, not the reader's.
    if (retryPolicy(error) !== 'never') return { status: 'unavailable', message: MESSAGES.unavailable, values };
    return { status: 'error', message: MESSAGES.error, values };
  }
}
