// Submitting reader comments from a test the way a browser without
// JavaScript does (through support/form.ts), as many distinct readers, and
// reading back what the server stored.
import { randomBytes } from 'node:crypto';

import Database from 'better-sqlite3';

import { fetchCommentForm, MIN_FILL_MS, postComment, type CommentForm, type CommentValues, type PostResult } from './form';

export const SUCCESS_TEXT = 'Your comment is awaiting moderation.';

// The same answer on an article in Dari, Pashto or Urdu (lib/i18n/messages): a comment there is answered in its language.
const SUCCESS_TEXTS = [
  SUCCESS_TEXT,
  'دیدگاه شما دریافت شد و پس از بررسی نشر می‌شود.',
  'ستاسو تبصره ترلاسه شوه او له کتنې وروسته به خپره شي.',
  'آپ کا تبصرہ موصول ہو گیا ہے اور منظوری کے بعد شائع ہو گا۔',
];

/** A published article that takes comments. */
// Articles the reader-side specs (comments.spec.ts) use are left to them.
export const COMMENT_ARTICLE = 'how-policing-works-in-pakistans-provinces';

/** A short random tag that keeps one run's comments apart from every other run's. */
export function runTag(): string {
  return randomBytes(4).toString('hex');
}

// Flood control allows one comment per 15 s per IP address and per email
// address; each simulated reader gets an address of their own.
let nextIp = randomBytes(2).readUInt16BE(0) * 256;

export function uniqueIp(): string {
  nextIp = (nextIp + 1) % 2 ** 24;
  return `10.${(nextIp >> 16) & 255}.${(nextIp >> 8) & 255}.${nextIp & 255}`;
}

export function readerHeaders(ip = uniqueIp()): Record<string, string> {
  return { 'x-forwarded-for': ip };
}

/** A fresh signed form token for the article, as the form's script asks for one. */
export async function freshToken(baseURL: string, slug: string): Promise<string> {
  const response = await fetch(new URL(`/api/comments/token?article=${encodeURIComponent(slug)}`, baseURL));
  if (!response.ok) throw new Error(`The token endpoint answered ${response.status}`);
  const { token } = (await response.json()) as { token?: string };
  if (!token) throw new Error('The token endpoint gave no token');
  return token;
}

/**
 * The article's comment form with a fresh token. A cached page's token may
 * have been signed a moment ago (right after a revalidation), so the form is
 * given its own and is usable MIN_FILL_MS after this returns.
 */
export async function commentForm(
  baseURL: string,
  slug: string,
  options: { replyTo?: number } = {},
): Promise<CommentForm & { readyAt: number }> {
  const form = await fetchCommentForm(baseURL, slug, options);
  const token = await freshToken(baseURL, slug);
  return { ...form, fields: { ...form.fields, token }, readyAt: Date.now() + MIN_FILL_MS };
}

export async function untilReady(form: { readyAt: number }): Promise<void> {
  const wait = form.readyAt - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

export function isAcknowledged(result: PostResult): boolean {
  return result.status === 200 && SUCCESS_TEXTS.some((text) => result.html.includes(text));
}

/** Posts one reader's comment from its own IP address; waits for the form's fill time first. */
export async function submit(
  baseURL: string,
  form: CommentForm & { readyAt: number },
  values: CommentValues,
  options: { ip?: string; signal?: AbortSignal } = {},
): Promise<PostResult> {
  await untilReady(form);
  return postComment(baseURL, form, values, { headers: readerHeaders(options.ip), signal: options.signal });
}

/** Submits one comment and fails loudly unless the server acknowledged it. */
export async function submitAcknowledged(
  baseURL: string,
  slug: string,
  values: CommentValues,
  options: { replyTo?: number } = {},
): Promise<void> {
  const form = await commentForm(baseURL, slug, options);
  const result = await submit(baseURL, form, values);
  if (!isAcknowledged(result)) {
    throw new Error(`The comment was not acknowledged (HTTP ${result.status}): ${result.html.slice(0, 300)}`);
  }
}

export type StoredComment = {
  id: number;
  article_slug: string;
  parent_id: number | null;
  name: string;
  email: string;
  website: string | null;
  body: string;
  status: string;
};

/** Opens a store's SQLite file read-only, beside the running server. */
export function openDatabase(file: string, options: { readonly?: boolean } = { readonly: true }): Database.Database {
  const db = new Database(file, { readonly: options.readonly ?? true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

export function storedByEmail(db: Database.Database, email: string): StoredComment[] {
  return db
    .prepare('SELECT id, article_slug, parent_id, name, email, website, body, status FROM comments WHERE email = ?')
    .all(email) as StoredComment[];
}

export function storedWhereBodyStarts(db: Database.Database, prefix: string): StoredComment[] {
  return db
    .prepare(
      'SELECT id, article_slug, parent_id, name, email, website, body, status FROM comments WHERE substr(body, 1, ?) = ? ORDER BY id',
    )
    .all(prefix.length, prefix) as StoredComment[];
}

export function storedById(db: Database.Database, id: number): StoredComment | undefined {
  return db.prepare('SELECT id, article_slug, parent_id, name, email, website, body, status FROM comments WHERE id = ?').get(id) as
    StoredComment | undefined;
}
