import 'server-only';

import type { Comment, CommentStatus, PublicComment } from '@/lib/comments/store';

// Store logic is written once, as generators that yield queries and receive
// rows. The SQLite runner drives them synchronously inside one IMMEDIATE
// transaction; the PostgreSQL runner drives them with awaits inside
// BEGIN … COMMIT. SQL uses `?` placeholders and the subset both databases share.

export type Dialect = 'sqlite' | 'postgres';
export type SqlValue = string | number | null | Date;
export type Row = Record<string, unknown>;
export type Query = { sql: string; params: readonly SqlValue[] };
export type Op<T> = Generator<Query, T, Row[]>;

export function q(sql: string, params: readonly SqlValue[] = []): Query {
  return { sql, params };
}

/** Returned by an operation whose writes must be undone; the runner rolls back and hands `value` to the caller. */
export class Rollback<T> {
  constructor(readonly value: T) {}
}

/** `?, ?, ?` for an IN list. */
export function placeholders(count: number): string {
  return Array<string>(count).fill('?').join(', ');
}

/** Splits long IN lists; both databases cap the number of parameters. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Row locks exist only in PostgreSQL; SQLite's IMMEDIATE transaction already excludes other writers. */
export function lock(dialect: Dialect, mode: 'UPDATE' | 'SHARE'): string {
  return dialect === 'postgres' ? ` FOR ${mode}` : '';
}

export const COMMENT_COLUMNS = [
  'id',
  'article_slug',
  'parent_id',
  'name',
  'email',
  'website',
  'body',
  'status',
  'status_reason',
  'created_at',
  'updated_at',
  'edited_at',
] as const;

export function columns(alias?: string): string {
  return COMMENT_COLUMNS.map((column) => (alias ? `${alias}.${column}` : column)).join(', ');
}

/** SQLite stores milliseconds; PostgreSQL returns a Date for timestamptz. */
export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(Number(value)).toISOString();
}

export function toIsoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toIso(value);
}

/** PostgreSQL returns bigint (ids, counts) as text. */
export function toNumber(value: unknown): number {
  return Number(value);
}

export function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

export function toComment(row: Row): Comment {
  return {
    id: toNumber(row.id),
    articleSlug: String(row.article_slug),
    parentId: toNumberOrNull(row.parent_id),
    name: String(row.name),
    email: String(row.email),
    website: row.website === null ? null : String(row.website),
    body: String(row.body),
    status: row.status as CommentStatus,
    statusReason: String(row.status_reason),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    editedAt: toIsoOrNull(row.edited_at),
  };
}

export function toPublicComment(row: Row): PublicComment {
  const { id, articleSlug, parentId, name, website, body, createdAt } = toComment(row);
  return { id, articleSlug, parentId, name, website, body, createdAt };
}
