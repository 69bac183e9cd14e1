import 'server-only';

import { z } from 'zod';

import { cleanText, codePointLength, formatCount, hasControlCharacter } from '@/lib/comments/text';
import { isSlug, SLUG_MAX_LENGTH } from '@/lib/routes';

/** Limits in Unicode code points. */
export const COMMENT_LIMITS = {
  name: 245,
  email: 100,
  website: 200,
  body: 65_525,
  articleSlug: SLUG_MAX_LENGTH,
} as const;

export const COMMENT_FIELDS = ['articleSlug', 'parentId', 'name', 'email', 'website', 'body'] as const;
export type CommentField = (typeof COMMENT_FIELDS)[number];

export const EDITABLE_FIELDS = ['name', 'email', 'website', 'body'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

type TextRule = {
  /** How the reader's field is named inside a sentence: "Your name can be…". */
  noun: string;
  max: number;
  /** Message for an empty value; absent when the field is optional. */
  required?: string;
  multiline?: boolean;
  /** A format check on the cleaned value; returns a message when it fails. */
  check?: (value: string) => string | null;
};

// Past this many UTF-16 units a value is certainly too long; it is measured
// but not cleaned, so a 10 MB body costs no more than a count.
const tooLongToClean = (rule: TextRule, raw: string) => raw.length > rule.max * 2 + 1_000;

function tooLong(rule: TextRule, length: number): string {
  const noun = rule.noun.charAt(0).toUpperCase() + rule.noun.slice(1);
  return `${noun} can be at most ${formatCount(rule.max)} characters (you have ${formatCount(length)}).`;
}

/** A reader's text field: cleaned (see `cleanText`), then checked; messages are plain sentences. */
function textField(rule: TextRule) {
  return z.unknown().transform((raw, ctx): string => {
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (raw === undefined || raw === null) return rule.required ? fail(rule.required) : '';
    if (typeof raw !== 'string') return fail(rule.required ?? `${rule.noun} must be text.`);
    if (tooLongToClean(rule, raw)) return fail(tooLong(rule, codePointLength(raw)));
    const value = cleanText(raw, rule.multiline ?? false);
    if (value === '') return rule.required ? fail(rule.required) : '';
    if (hasControlCharacter(value, rule.multiline ?? false)) {
      const noun = rule.noun.charAt(0).toUpperCase() + rule.noun.slice(1);
      return fail(`${noun} contains an invisible control character. Please remove it.`);
    }
    const length = codePointLength(value);
    if (length > rule.max) return fail(tooLong(rule, length));
    const problem = rule.check?.(value);
    return problem ? fail(problem) : value;
  });
}

// Dotted labels of letters, digits and hyphens with an alphabetic (or IDN
// "xn--") top-level label; the local part is the HTML form's set without
// leading, trailing or doubled dots.
const EMAIL =
  /^(?!\.)(?!.*\.\.)[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}(?<!\.)@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

function checkEmail(value: string): string | null {
  return EMAIL.test(value) ? null : 'Please enter a valid email address, like name@example.com.';
}

function checkWebsite(value: string): string | null {
  if (!/^https?:\/\//i.test(value)) return 'Your website address must start with http:// or https://.';
  const invalid = 'Please enter a valid website address, like https://example.com.';
  if (/\s/u.test(value)) return invalid;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return invalid;
    if (!url.hostname) return invalid;
    // "https://bank.example@evil.example" shows one host and links to another.
    if (url.username || url.password) return invalid;
    return null;
  } catch {
    return invalid;
  }
}

const ARTICLE_MESSAGE = 'This article does not take comments.';

const articleSlugField = z.unknown().transform((raw, ctx): string => {
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (!isSlug(value)) {
    ctx.addIssue({ code: 'custom', message: ARTICLE_MESSAGE });
    return z.NEVER;
  }
  return value;
});

const parentIdField = z.unknown().transform((raw, ctx): number | null => {
  if (raw === undefined || raw === null || raw === '') return null;
  const value = typeof raw === 'string' && /^\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : raw;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  ctx.addIssue({ code: 'custom', message: 'The comment you are replying to could not be found.' });
  return z.NEVER;
});

const nameField = textField({ noun: 'your name', max: COMMENT_LIMITS.name, required: 'Please enter your name.' });
const emailField = textField({
  noun: 'your email address',
  max: COMMENT_LIMITS.email,
  required: 'Please enter your email address.',
  check: checkEmail,
});
const websiteField = textField({ noun: 'your website address', max: COMMENT_LIMITS.website, check: checkWebsite }).transform(
  (value) => (value === '' ? null : value),
);
const bodyField = textField({
  noun: 'your comment',
  max: COMMENT_LIMITS.body,
  required: 'Please write a comment.',
  multiline: true,
});

// zod refuses an absent key even when its schema accepts undefined; every
// field is looked up, so a form without a website or a parent is complete.
function allFields(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const record = raw as Record<string, unknown>;
  return Object.fromEntries(COMMENT_FIELDS.map((field) => [field, record[field]]));
}

/** A reader's comment as submitted. Output text is cleaned; `website` and `parentId` are null when absent. */
export const CommentInputSchema = z.preprocess(
  allFields,
  z.object({
    articleSlug: articleSlugField,
    parentId: parentIdField,
    name: nameField,
    email: emailField,
    website: websiteField,
    body: bodyField,
  }),
);
export type CommentInput = z.output<typeof CommentInputSchema>;

/** A moderator's edit: any of the reader's fields, checked by the same rules. */
export const CommentEditSchema = z.object({
  name: nameField.optional(),
  email: emailField.optional(),
  website: websiteField.optional(),
  body: bodyField.optional(),
});
export type CommentEdit = z.output<typeof CommentEditSchema>;

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type ParseResult<T, F extends string> =
  | { ok: true; value: T }
  | { ok: false; fieldErrors: FieldErrors<F>; values: Partial<Record<F, string>> };

type RawSource = FormData | Record<string, unknown> | null | undefined;

function readFields<F extends string>(raw: unknown, fields: readonly F[]): Partial<Record<F, unknown>> {
  const out: Partial<Record<F, unknown>> = {};
  if (typeof FormData !== 'undefined' && raw instanceof FormData) {
    for (const field of fields) {
      const value = raw.get(field);
      if (value !== null) out[field] = typeof value === 'string' ? value : undefined;
    }
    return out;
  }
  if (raw && typeof raw === 'object') {
    const record = raw as Record<string, unknown>;
    for (const field of fields) if (field in record) out[field] = record[field];
  }
  return out;
}

// What the reader typed, to put back into the form. Huge values are not echoed back.
function echo<F extends string>(fields: Partial<Record<F, unknown>>): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const [field, value] of Object.entries(fields) as [F, unknown][]) {
    if (typeof value === 'string') out[field] = value.length <= COMMENT_LIMITS.body * 2 ? value : '';
    else if (typeof value === 'number') out[field] = String(value);
  }
  return out;
}

function parseWith<T, F extends string>(schema: z.ZodType<T>, raw: unknown, fields: readonly F[]): ParseResult<T, F> {
  let input: Partial<Record<F, unknown>> = {};
  let result: ReturnType<typeof schema.safeParse>;
  try {
    input = readFields(raw, fields);
    result = schema.safeParse(input);
  } catch {
    // Only a hostile object (a throwing getter) gets here; it is treated as an empty form.
    return parseWith(schema, {}, fields);
  }
  if (result.success) return { ok: true, value: result.data };
  const fieldErrors: FieldErrors<F> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as F;
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, fieldErrors, values: echo(input) };
}

/**
 * Validates and cleans a reader's submission (FormData or a plain object).
 * Never throws: a reader's mistake comes back as one plain sentence per field,
 * with the values as typed so the form can show them again.
 */
export function parseCommentInput(raw: RawSource | unknown): ParseResult<CommentInput, CommentField> {
  return parseWith(CommentInputSchema, raw, COMMENT_FIELDS);
}

/** The same rules for a moderator's edit; absent fields stay as they are. */
export function parseCommentEdit(raw: RawSource | unknown): ParseResult<CommentEdit, EditableField> {
  return parseWith(CommentEditSchema, raw, EDITABLE_FIELDS);
}
