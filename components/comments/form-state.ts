/** What the comment form shows after a submission; the server action returns it. */

export const COMMENT_FORM_FIELDS = ['comment', 'name', 'email', 'website'] as const;
export type CommentFormField = (typeof COMMENT_FORM_FIELDS)[number];
export type CommentFormValues = Record<CommentFormField, string>;

export type CommentFormStatus = 'idle' | 'success' | 'invalid' | 'unavailable' | 'error';

export type CommentFormState = {
  status: CommentFormStatus;
  /** A sentence for the whole form, announced to screen readers. */
  message?: string;
  /** One sentence per field, shown beside it. */
  fieldErrors?: Partial<Record<CommentFormField, string>>;
  /** What the reader typed, put back into the form; empty after a success. */
  values?: CommentFormValues;
  /** A fresh form token, when the one the reader had was refused. */
  token?: string;
};

export type CommentFormAction = (state: CommentFormState, formData: FormData) => Promise<CommentFormState>;

export const initialCommentFormState: CommentFormState = { status: 'idle' };

/** Names of the form's non-reader fields; other programs post the form by these names. */
export const FORM_FIELD = {
  articleSlug: 'articleSlug',
  parentId: 'parentId',
  token: 'token',
  /** Hidden from people; a program that fills it has its comment stored as spam. */
  honeypot: 'company',
} as const;

export const SUCCESS_MESSAGE = 'Your comment is awaiting moderation.';
export const FIELDS_MESSAGE = 'Your comment was not posted. Please correct the fields marked below.';

const NOUNS: Record<CommentFormField, string> = {
  comment: 'Your comment',
  name: 'Your name',
  email: 'Your email address',
  website: 'Your website address',
};

const counter = new Intl.NumberFormat('en-US');

export type CommentFormLimits = Partial<Record<CommentFormField, number>>;

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * The fields past their limit (in code points, as the server counts after
 * trimming), with the server's sentence for each; null when all fit.
 */
export function tooLongFields(data: FormData, limits: CommentFormLimits | undefined): CommentFormState['fieldErrors'] | null {
  const errors: NonNullable<CommentFormState['fieldErrors']> = {};
  for (const field of COMMENT_FORM_FIELDS) {
    const value = data.get(field);
    const limit = limits?.[field];
    // UTF-16 length is never below the number of code points.
    if (typeof value !== 'string' || limit === undefined || value.length <= limit) continue;
    const length = codePoints(value.normalize('NFC').trim());
    if (length > limit) {
      errors[field] = `${NOUNS[field]} can be at most ${counter.format(limit)} characters (you have ${counter.format(length)}).`;
    }
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
