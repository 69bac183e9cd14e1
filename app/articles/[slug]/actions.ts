'use server';

import { headers } from 'next/headers';

import {
  COMMENT_FORM_FIELDS,
  type CommentFormField,
  type CommentFormState,
  type CommentFormValues,
  FIELDS_MESSAGE,
  FORM_FIELD,
  SUCCESS_MESSAGE,
} from '@/components/comments/form-state';
import {
  COMMENT_LIMITS,
  HONEYPOT_FIELD,
  type TokenProblem,
  assessComment,
  getCommentStore,
  hashIp,
  isCommentStoreError,
  issueCommentToken,
  parseCommentInput,
  submissionKey,
  verifyCommentToken,
} from '@/lib/comments';
import { getArticle } from '@/lib/content';
import { isSlug } from '@/lib/routes';

const TOKEN_MESSAGES: Record<TokenProblem, string> = {
  expired: 'This form has expired. Your comment is kept: please submit it again.',
  'too-fast': 'That was quick. Your comment is kept: please wait a few seconds, then submit it again.',
  missing: 'This form could not be checked. Your comment is kept: please submit it again.',
  malformed: 'This form could not be checked. Your comment is kept: please submit it again.',
  forged: 'This form could not be checked. Your comment is kept: please submit it again.',
};

const MESSAGES = {
  fields: FIELDS_MESSAGE,
  article: 'This article does not take comments.',
  parent: 'The comment you are replying to is not available, so your reply was not posted.',
  flood: 'Please wait a few seconds before posting another comment.',
  duplicate: 'You have already posted this comment.',
  unavailable: 'We could not save your comment just now. It is kept below: please try again in a moment.',
  error: 'Something went wrong and your comment was not posted. It is kept below: please try again.',
} as const;

const SCHEMA_FIELD: Record<CommentFormField, 'body' | 'name' | 'email' | 'website'> = {
  comment: 'body',
  name: 'name',
  email: 'email',
  website: 'website',
};

// Store failures a reader can wait out; a missing secret is the deployment's, not theirs.
const TRY_AGAIN = new Set(['busy', 'unavailable', 'conflict', 'config']);

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

// A value far past its limit is not sent back into the page; the field message says why.
function keep(value: string): string {
  return value.length <= COMMENT_LIMITS.body * 2 ? value : '';
}

/**
 * The reader's address as the nearest proxy saw it: the rightmost
 * X-Forwarded-For entry. Next sets the header from the socket when it is
 * absent; behind a reverse proxy, the proxy must append to it.
 */
async function clientIpHash(): Promise<string | null> {
  const forwarded = (await headers()).get('x-forwarded-for') ?? '';
  const ip = forwarded.split(',').at(-1)?.trim() ?? '';
  return ip === '' ? null : hashIp(ip);
}

/** The comment form's action: parses, checks the token and spam rules, stores, and answers with a state. */
export async function submitComment(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const values = Object.fromEntries(
    COMMENT_FORM_FIELDS.map((field) => [field, keep(text(formData, field))]),
  ) as CommentFormValues;
  const articleSlug = text(formData, FORM_FIELD.articleSlug);

  try {
    if (!isSlug(articleSlug) || !getArticle(articleSlug)) {
      return { status: 'invalid', message: MESSAGES.article, values };
    }

    const parsed = parseCommentInput({
      articleSlug,
      parentId: text(formData, FORM_FIELD.parentId),
      name: text(formData, 'name'),
      email: text(formData, 'email'),
      website: text(formData, 'website'),
      body: text(formData, 'comment'),
    });
    if (!parsed.ok) {
      const fieldErrors: CommentFormState['fieldErrors'] = {};
      for (const field of COMMENT_FORM_FIELDS) {
        const message = parsed.fieldErrors[SCHEMA_FIELD[field]];
        if (message) fieldErrors[field] = message;
      }
      const message = Object.keys(fieldErrors).length > 0 ? MESSAGES.fields : parsed.fieldErrors.parentId ? MESSAGES.parent : MESSAGES.article;
      return { status: 'invalid', message, fieldErrors, values };
    }
    const input = parsed.value;

    // Checked after the fields, so a reader sees what to correct first; either way nothing is stored.
    const token = verifyCommentToken(text(formData, FORM_FIELD.token), articleSlug);
    if (!token.ok) {
      return { status: 'invalid', message: TOKEN_MESSAGES[token.reason], values, token: issueCommentToken(articleSlug) };
    }

    const honeypot = text(formData, HONEYPOT_FIELD);
    const verdict = assessComment({ name: input.name, body: input.body, website: input.website, honeypot });
    const store = await getCommentStore();
    const result = await store.create(input, {
      idempotencyKey: submissionKey(token.nonce, input),
      ipHash: await clientIpHash(),
      status: verdict.status,
      statusReason: verdict.reason,
    });

    switch (result.outcome) {
      case 'created':
      case 'duplicate-submission':
        return { status: 'success', message: SUCCESS_MESSAGE, values: { comment: '', name: '', email: '', website: '' } };
      case 'duplicate-content':
        return { status: 'invalid', message: MESSAGES.duplicate, values };
      case 'flood':
        return { status: 'invalid', message: MESSAGES.flood, values };
      case 'parent-not-found':
      case 'parent-not-approved':
        return { status: 'invalid', message: MESSAGES.parent, values };
    }
  } catch (error) {
    // The code alone is logged: never the form's fields, never the driver's message.
    const code = isCommentStoreError(error) ? error.code : null;
    console.error(`comment submission failed: ${code ?? (error instanceof Error ? error.name : typeof error)}`);
    if (code !== null && TRY_AGAIN.has(code)) return { status: 'unavailable', message: MESSAGES.unavailable, values };
    return { status: 'error', message: MESSAGES.error, values };
  }
}
