// The comment form's contract: the names readers' browsers post, the state the
// action answers with, and the shape of the words a reader sees (each
// language's words are in lib/i18n). The form (a Client Component), the schema
// that parses what it posts and the action all read it from here, so this
// module has no `server-only` and imports nothing from the server: the browser
// bundle includes it.

/** The reader's fields, by the names browsers post; the schema reads the same names. */
export const COMMENT_FORM_FIELDS = ['comment', 'name', 'email', 'website'] as const;
export type CommentFormField = (typeof COMMENT_FORM_FIELDS)[number];
export type CommentFormValues = Record<CommentFormField, string>;

/** Names of the form's non-reader fields; other programs post the form by these names. */
export const FORM_FIELD = {
  articleSlug: 'articleSlug',
  parentId: 'parentId',
  token: 'token',
  /** Hidden from people; a program that fills it has its comment stored as spam. */
  honeypot: 'company',
} as const;

/** Longest value of each field in Unicode code points, counted after cleaning. */
export const COMMENT_FORM_LIMITS = {
  comment: 65_525,
  name: 245,
  email: 100,
  website: 200,
} as const satisfies Record<CommentFormField, number>;

export type CommentFormLimits = Partial<Record<CommentFormField, number>>;

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

/**
 * Every word of the form and every sentence it answers with, in one
 * language. The messages files of lib/i18n hold one of these per language;
 * the action picks the article's, and the form gets it as a prop (this module
 * must stay free of server code, so it names the shape and fills it in, and
 * holds no language of its own). `{field}` is a field's noun as it stands
 * inside a sentence, `{Field}` the same at its start.
 */
export type CommentFormText = {
  heading: string;
  /** The heading in reply mode; `{name}` is the comment answered. */
  replyHeading: string;
  cancelReply: string;
  notes: string;
  labels: Record<CommentFormField, string>;
  submit: string;
  messages: {
    success: string;
    fields: string;
    article: string;
    parent: string;
    flood: string;
    duplicate: string;
    /** The form sent another comment of this reader's already; the answer carries a fresh one. */
    formUsed: string;
    /** A store failure the reader can wait out (see `retryPolicy`). */
    unavailable: string;
    error: string;
  };
  token: { expired: string; tooFast: string; notChecked: string };
  fieldErrors: {
    /** For an empty required field; a field without one is optional. */
    required: Partial<Record<CommentFormField, string>>;
    nouns: Record<CommentFormField, string>;
    notText: string;
    controlCharacter: string;
    /** `{limit}` and `{length}` are counts of characters. */
    tooLong: string;
    email: string;
    websiteScheme: string;
    website: string;
    parentId: string;
  };
};

/**
 * The words the form itself prints, the part of CommentFormText the browser
 * gets: the sentences the action answers with come back in its state, so they
 * are not in every page's payload (where a test, or a reader's tool, would
 * take "awaiting moderation" for an answer).
 */
export type CommentFormWords = Pick<CommentFormText, 'heading' | 'replyHeading' | 'cancelReply' | 'notes' | 'labels' | 'submit'> & {
  /** The sentence for fields the form itself finds too long. */
  fields: string;
  fieldErrors: Pick<CommentFormText['fieldErrors'], 'nouns' | 'tooLong'>;
};

export function commentFormWords(text: CommentFormText): CommentFormWords {
  const { heading, replyHeading, cancelReply, notes, labels, submit } = text;
  const { nouns, tooLong } = text.fieldErrors;
  return { heading, replyHeading, cancelReply, notes, labels, submit, fields: text.messages.fields, fieldErrors: { nouns, tooLong } };
}

/** The sentence for the whole form, by what happened. */
export type CommentFormMessage = keyof CommentFormText['messages'];

/** Why a form token was refused. */
export type TokenProblem = 'missing' | 'malformed' | 'forged' | 'too-fast' | 'expired';

/** What to tell the reader when the token is refused; their text is kept by the caller. */
export function tokenProblemMessage(reason: TokenProblem, text: CommentFormText): string {
  if (reason === 'expired') return text.token.expired;
  if (reason === 'too-fast') return text.token.tooFast;
  return text.token.notChecked;
}

/** A template with its `{name}` placeholders filled in. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Your name can be at most 245 characters (you have 246).", in the language's words and digits. */
export function tooLongMessage(words: Pick<CommentFormText['fieldErrors'], 'nouns' | 'tooLong'>, lang: string) {
  const counter = new Intl.NumberFormat(lang);
  return (field: CommentFormField, limit: number, length: number) =>
    fillTemplate(words.tooLong, {
      field: words.nouns[field],
      Field: capitalised(words.nouns[field]),
      limit: counter.format(limit),
      length: counter.format(length),
    });
}

/** The sentences beside the fields, in one language; the schema decides when each applies. */
export function fieldMessages(text: CommentFormText, lang: string) {
  const errors = text.fieldErrors;
  const noun = (field: CommentFormField) => ({ field: errors.nouns[field], Field: capitalised(errors.nouns[field]) });
  return {
    required: errors.required,
    notText: (field: CommentFormField) => fillTemplate(errors.notText, noun(field)),
    controlCharacter: (field: CommentFormField) => fillTemplate(errors.controlCharacter, noun(field)),
    tooLong: tooLongMessage(errors, lang),
    email: errors.email,
    websiteScheme: errors.websiteScheme,
    website: errors.website,
    articleSlug: text.messages.article,
    parentId: errors.parentId,
  };
}
export type FieldMessages = ReturnType<typeof fieldMessages>;

/** Length in Unicode code points, as readers count characters (an astral '𝒜' is one, not two). */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}

/** A value as sent back into the page: one far past every limit is not; its field message says why. */
export function keptValue(value: string): string {
  return value.length <= COMMENT_FORM_LIMITS.comment * 2 ? value : '';
}

/** What the reader typed into each field, to put back into the form. */
export function commentFormValues(data: FormData): CommentFormValues {
  const value = (field: CommentFormField) => {
    const posted = data.get(field);
    return typeof posted === 'string' ? keptValue(posted) : '';
  };
  return { comment: value('comment'), name: value('name'), email: value('email'), website: value('website') };
}

export const EMPTY_COMMENT_FORM_VALUES: CommentFormValues = { comment: '', name: '', email: '', website: '' };

/**
 * The fields past their limit (in code points, as the server counts after
 * trimming), with the server's sentence for each; null when all fit.
 */
export function tooLongFields(
  data: FormData,
  limits: CommentFormLimits | undefined,
  messages: Pick<FieldMessages, 'tooLong'>,
): CommentFormState['fieldErrors'] | null {
  const errors: NonNullable<CommentFormState['fieldErrors']> = {};
  for (const field of COMMENT_FORM_FIELDS) {
    const value = data.get(field);
    const limit = limits?.[field];
    // UTF-16 length is never below the number of code points.
    if (typeof value !== 'string' || limit === undefined || value.length <= limit) continue;
    const length = codePointLength(value.normalize('NFC').trim());
    if (length > limit) errors[field] = messages.tooLong(field, limit, length);
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
