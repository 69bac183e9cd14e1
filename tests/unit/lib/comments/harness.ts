import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import Database from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';

import { createPostgresCommentStore } from '@/lib/comments/postgres';
import { parseCommentEdit, type CommentEdit } from '@/lib/comments/schema';
import { createSqliteCommentStore } from '@/lib/comments/sqlite';
import type { CommentStore, CreateMeta, NewComment } from '@/lib/comments/store';

/** One empty database of one kind, with a back door for what the store does not offer. */
export type TestDatabase = {
  /** A new store on this database (several may be open at once). */
  open(options?: { lockTimeoutMs?: number }): CommentStore;
  /** Runs SQL directly, `?` placeholders. */
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** A time value as this database's columns hold it. */
  time(date: Date): unknown;
  /** Holds the write lock from another connection until the returned function is called. */
  lockWrites(): Promise<() => Promise<void>>;
  dispose(): Promise<void>;
};

export type Backend = { name: 'sqlite' | 'postgres'; create(): Promise<TestDatabase> };

const SQLITE: Backend = {
  name: 'sqlite',
  async create() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-comments-'));
    // A folder that does not exist yet: the store creates it.
    const filename = path.join(dir, 'data', 'comments.sqlite');
    const stores: CommentStore[] = [];
    let raw: Database.Database | undefined;
    const rawDb = () => (raw ??= new Database(filename));
    return {
      open(options = {}) {
        const store = createSqliteCommentStore({ filename, busyTimeoutMs: options.lockTimeoutMs });
        stores.push(store);
        return store;
      },
      async query(sql, params = []) {
        const statement = rawDb().prepare(sql);
        const values = params as unknown[];
        if (statement.reader) return statement.all(...values) as Record<string, unknown>[];
        statement.run(...values);
        return [];
      },
      time: (date) => date.getTime(),
      async lockWrites() {
        const other = new Database(filename);
        other.exec('BEGIN IMMEDIATE');
        return async () => {
          other.exec('ROLLBACK');
          other.close();
        };
      },
      async dispose() {
        for (const store of stores) await store.close();
        raw?.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const POSTGRES: Backend = {
  name: 'postgres',
  async create() {
    const connectionString = inject('postgresUrl');
    // A schema per test keeps tests apart on one server.
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const stores: CommentStore[] = [];
    const raw = new pg.Pool({ connectionString, max: 3, options: `-c search_path=${schema}` });
    return {
      open(options = {}) {
        const store = createPostgresCommentStore({ connectionString, schema, lockTimeoutMs: options.lockTimeoutMs });
        stores.push(store);
        return store;
      },
      async query(sql, params = []) {
        return (await raw.query(numbered(sql), params)).rows as Record<string, unknown>[];
      },
      time: (date) => date,
      async lockWrites() {
        const client = await raw.connect();
        await client.query('BEGIN');
        await client.query('LOCK TABLE comments IN EXCLUSIVE MODE');
        return async () => {
          await client.query('ROLLBACK');
          client.release();
        };
      },
      async dispose() {
        for (const store of stores) await store.close();
        await raw.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await raw.end();
      },
    };
  },
};

export const BACKENDS: Backend[] = [SQLITE, POSTGRES];

export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
export const at = (seconds: number) => new Date(T0 + seconds * 1_000);

let counter = 0;

/** A valid, distinct comment: a new reader, a new text. */
export function comment(overrides: Partial<NewComment> = {}): NewComment {
  counter += 1;
  return {
    articleSlug: 'budget-vote',
    parentId: null,
    name: `Reader ${counter}`,
    email: `reader${counter}@example.com`,
    website: null,
    body: `Comment number ${counter}.`,
    ...overrides,
  };
}

/** A moderator's edit as the schema parses it from the edit form's names; the store takes only parsed edits. */
export function parsedEdit(fields: Record<string, unknown>): CommentEdit {
  const parsed = parseCommentEdit(fields);
  if (!parsed.ok) throw new Error(`invalid edit: ${JSON.stringify(parsed.fieldErrors)}`);
  return parsed.value;
}

/** A distinct submission from a distinct address, one minute after the last one. */
export function meta(overrides: Partial<CreateMeta> = {}): CreateMeta {
  counter += 1;
  return {
    idempotencyKey: `key-${counter}-${randomBytes(4).toString('hex')}`,
    formKey: `form-${counter}-${randomBytes(4).toString('hex')}`,
    ipHash: `ip-${counter}`,
    status: 'held',
    statusReason: 'new comment',
    now: at(counter * 60),
    ...overrides,
  };
}
