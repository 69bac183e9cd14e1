import 'server-only';

import { z } from 'zod';

import {
  codePointLength,
  COMMENT_FORM_FIELDS,
  COMMENT_FORM_LIMITS,
  fieldMessages,
  FORM_FIELD,
  keptValue,
  type CommentFormField,
  type FieldMessages,
} from '@/lib/comments/form';
import { cleanText, hasControlCharacter } from '@/lib/comments/text';
import { messagesFor, type Messages } from '@/lib/i18n';
import { isSlug, SLUG_MAX_LENGTH } from '@/lib/routes';
import { site } from '@/lib/site';

// The schema reads the fields by the names the form posts and returns them by
// the names the store keeps: this is the one place where `comment` becomes `body`.

/** Limits of the stored fields, in Unicode code points. */
export const COMMENT_LIMITS = {
  name: COMMENT_FORM_LIMITS.name,
  email: COMMENT_FORM_LIMITS.email,
  website: COMMENT_FORM_LIMITS.website,
  body: COMMENT_FORM_LIMITS.comment,
  articleSlug: SLUG_MAX_LENGTH,
} as const;

/** A submission's fields, as posted. */
export const COMMENT_FIELDS = [FORM_FIELD.articleSlug, FORM_FIELD.parentId, ...COMMENT_FORM_FIELDS] as const;
export type CommentField = (typeof COMMENT_FIELDS)[number];

/** What a moderator may change: the reader's fields, as the edit form posts them. */
export const EDITABLE_FIELDS = COMMENT_FORM_FIELDS;
export type EditableField = CommentFormField;

type TextRule = {
  messages: FieldMessages;
  field: CommentFormField;
  multiline?: boolean;
  /** A format check on the cleaned value; returns a message when it fails. */
  check?: (value: string) => string | null;
};

// Past this many UTF-16 units a value is certainly too long; it is measured
// but not cleaned, so a 10 MB body costs no more than a count.
const tooLongToClean = (max: number, raw: string) => raw.length > max * 2 + 1_000;

/** A reader's text field: cleaned (see `cleanText`), then checked; messages are plain sentences. */
function textField(rule: TextRule) {
  const max = COMMENT_FORM_LIMITS[rule.field];
  // Absent from messages.required: the field is optional.
  const messages = rule.messages;
  const required = messages.required[rule.field];
  return z.unknown().transform((raw, ctx): string => {
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (raw === undefined || raw === null) return required ? fail(required) : '';
    if (typeof raw !== 'string') return fail(required ?? messages.notText(rule.field));
    if (tooLongToClean(max, raw)) return fail(messages.tooLong(rule.field, max, codePointLength(raw)));
    const value = cleanText(raw, rule.multiline ?? false);
    if (value === '') return required ? fail(required) : '';
    if (hasControlCharacter(value, rule.multiline ?? false)) return fail(messages.controlCharacter(rule.field));
    const length = codePointLength(value);
    if (length > max) return fail(messages.tooLong(rule.field, max, length));
    const problem = rule.check?.(value);
    return problem ? fail(problem) : value;
  });
}

// Dotted labels of letters, digits and hyphens with an alphabetic (or IDN
// "xn--") top-level label; the local part is the HTML form's set without
// leading, trailing or doubled dots.
const EMAIL =
  /^(?!\.)(?!.*\.\.)[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}(?<!\.)@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

const checkEmail = (messages: FieldMessages) => (value: string) => (EMAIL.test(value) ? null : messages.email);

const checkWebsite = (messages: FieldMessages) => (value: string) => {
  if (!/^https?:\/\//i.test(value)) return messages.websiteScheme;
  const invalid = messages.website;
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
};

// zod refuses an absent key even when its schema accepts undefined; every
// field is looked up, so a form without a website or a parent is complete.
function allFields(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const record = raw as Record<string, unknown>;
  return Object.fromEntries(COMMENT_FIELDS.map((field) => [field, record[field]]));
}

type EditedFields = { name?: string; email?: string; website?: string | null; body?: string };

/** The language a reader is answered in: the article's words (lib/i18n) and its tag, for the digits. */
export type CommentLanguage = Pick<Messages, 'lang' | 'commentForm'>;

/** The schemas, with their sentences in one language. */
function createCommentSchemas(language: CommentLanguage) {
  const messages = fieldMessages(language.commentForm, language.lang);

  // Exactly as posted: the form writes the slug itself, so anything else did not come from it.
  const articleSlugField = z.unknown().transform((raw, ctx): string => {
    if (!isSlug(raw)) {
      ctx.addIssue({ code: 'custom', message: messages.articleSlug });
      return z.NEVER;
    }
    return raw;
  });

  const parentIdField = z.unknown().transform((raw, ctx): number | null => {
    if (raw === undefined || raw === null || raw === '') return null;
    const value = typeof raw === 'string' && /^\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : raw;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
    ctx.addIssue({ code: 'custom', message: messages.parentId });
    return z.NEVER;
  });

  const nameField = textField({ messages, field: 'name' });
  const emailField = textField({ messages, field: 'email', check: checkEmail(messages) });
  const websiteField = textField({ messages, field: 'website', check: checkWebsite(messages) }).transform((value) =>
    value === '' ? null : value,
  );
  const bodyField = textField({ messages, field: 'comment', multiline: true });

  const input = z.preprocess(
    allFields,
    z
      .object({
        [FORM_FIELD.articleSlug]: articleSlugField,
        [FORM_FIELD.parentId]: parentIdField,
        name: nameField,
        email: emailField,
        website: websiteField,
        comment: bodyField,
      } satisfies Record<CommentField, z.ZodType>)
      .transform(({ comment, ...fields }) => ({ ...fields, body: comment })),
  );

  const edit = z
    .object({
      name: nameField.optional(),
      email: emailField.optional(),
      website: websiteField.optional(),
      comment: bodyField.optional(),
    } satisfies Record<EditableField, z.ZodType>)
    .transform(({ comment, ...fields }): EditedFields => (comment === undefined ? fields : { ...fields, body: comment }));

  return { input, edit };
}

type CommentSchemas = ReturnType<typeof createCommentSchemas>;

// Moderators and scripts work in the site's default language.
const defaultSchemas = createCommentSchemas(messagesFor(site.defaultLang, site.defaultLang));
const schemasByLanguage = new WeakMap<CommentLanguage['commentForm'], CommentSchemas>([
  [messagesFor(site.defaultLang, site.defaultLang).commentForm, defaultSchemas],
]);

function schemasFor(language: CommentLanguage | undefined): CommentSchemas {
  if (!language) return defaultSchemas;
  let schemas = schemasByLanguage.get(language.commentForm);
  if (!schemas) {
    schemas = createCommentSchemas(language);
    schemasByLanguage.set(language.commentForm, schemas);
  }
  return schemas;
}

/**
 * A reader's comment as submitted, read by the form's names. Output text is
 * cleaned, the comment is `body`; `website` and `parentId` are null when absent.
 */
export const CommentInputSchema = defaultSchemas.input;
export type CommentInput = z.output<typeof CommentInputSchema>;

/** A moderator's edit: any of the reader's fields, by the form's names, checked by the same rules. */
export const CommentEditSchema = defaultSchemas.edit;
export type CommentEdit = z.output<typeof CommentEditSchema>;

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type ParseResult<T, F extends string> =
  { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors<F>; values: Partial<Record<F, string>> };

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
    if (typeof value === 'string') out[field] = keptValue(value);
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
 * in `language` (the article's; English without it), with the values as typed so the form can show them again.
 */
export function parseCommentInput(raw: RawSource | unknown, language?: CommentLanguage): ParseResult<CommentInput, CommentField> {
  return parseWith(schemasFor(language).input, raw, COMMENT_FIELDS);
}

/** The same rules for a moderator's edit; absent fields stay as they are. */
export function parseCommentEdit(raw: RawSource | unknown): ParseResult<CommentEdit, EditableField> {
  return parseWith(CommentEditSchema, raw, EDITABLE_FIELDS);
}
