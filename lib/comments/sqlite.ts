import 'server-only';

import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';

import { CommentStoreError, driverFacts } from '@/lib/comments/errors';
import { LATEST_VERSION, pendingMigrations } from '@/lib/comments/migrations';
import { Rollback, type Op, type Query, type Row, type SqlValue } from '@/lib/comments/sql';
import { SqlCommentStore, type Runner } from '@/lib/comments/sql-store';
import type { CommentStore, HealthReport, MigrationReport } from '@/lib/comments/store';

export type SqliteOptions = {
  /** The database file; its folder is created when missing. */
  filename: string;
  /** How long a write waits for another process's lock before giving up with `busy`. */
  busyTimeoutMs?: number;
};

function toSqlite(value: SqlValue): string | number | null {
  return value instanceof Date ? value.getTime() : value;
}

function storeError(error: unknown, during: string): CommentStoreError {
  if (error instanceof CommentStoreError) return error;
  const code = String((error as { code?: unknown })?.code ?? '');
  const facts = { ...driverFacts(error), during };
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new CommentStoreError('busy', 'The comment database stayed locked.', facts);
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new CommentStoreError('conflict', 'A comment change broke a database constraint.', facts);
  }
  return new CommentStoreError('unavailable', 'The comment database failed.', facts);
}

class SqliteRunner implements Runner {
  readonly dialect = 'sqlite' as const;
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(options: SqliteOptions) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(options.filename)), { recursive: true, mode: 0o700 });
      const isNew = !fs.existsSync(options.filename);
      this.#db = new Database(options.filename);
      // The file holds readers' email addresses; SQLite gives its -wal and -shm files the same mode.
      if (isNew) fs.chmodSync(options.filename, 0o600);
      // WAL lets readers work while one writer commits; FULL makes a commit
      // survive power loss, not just a crash of the process.
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = FULL');
      this.#db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5_000))}`);
      this.#db.pragma('foreign_keys = ON');
    } catch (error) {
      throw storeError(error, 'open');
    }
  }

  #run(query: Query): Row[] {
    let statement = this.#statements.get(query.sql);
    if (!statement) {
      statement = this.#db.prepare(query.sql);
      this.#statements.set(query.sql, statement);
    }
    const params = query.params.map(toSqlite);
    if (statement.reader) return statement.all(...params) as Row[];
    statement.run(...params);
    return [];
  }

  #drive<T>(op: Op<T>): T {
    let step = op.next();
    while (!step.done) step = op.next(this.#run(step.value));
    return step.value;
  }

  async read<T>(op: () => Op<T>): Promise<T> {
    try {
      // A deferred transaction reads one WAL snapshot.
      return this.#db.transaction(() => this.#drive(op()))();
    } catch (error) {
      throw storeError(error, 'read');
    }
  }

  async write<T>(op: () => Op<T | Rollback<T>>): Promise<T> {
    try {
      // IMMEDIATE takes the write lock up front, so two writers wait for each
      // other (up to busy_timeout) instead of failing half-way.
      return this.#db
        .transaction(() => {
          const result = this.#drive(op());
          if (result instanceof Rollback) throw result;
          return result;
        })
        .immediate();
    } catch (error) {
      if (error instanceof Rollback) return error.value as T;
      throw storeError(error, 'write');
    }
  }

  async migrate(to?: number): Promise<MigrationReport> {
    try {
      return this.#db
        .transaction((): MigrationReport => {
          this.#db.exec(
            'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT',
          );
          const applied: number[] = [];
          for (const migration of pendingMigrations(this.#version(), to)) {
            this.#db.exec(migration.sqlite);
            this.#db
              .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
              .run(migration.version, migration.name, Date.now());
            applied.push(migration.version);
          }
          return { applied, version: this.#version() };
        })
        .immediate();
    } catch (error) {
      throw storeError(error, 'migrate');
    } finally {
      // Statements prepared against an older schema are discarded.
      this.#statements.clear();
    }
  }

  #version(): number {
    const exists = this.#db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!exists) return 0;
    const row = this.#db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
    return row.v ?? 0;
  }

  async health(): Promise<HealthReport> {
    const started = performance.now();
    try {
      const schemaVersion = this.#version();
      if (schemaVersion < LATEST_VERSION) {
        return { ok: false, driver: 'sqlite', error: `schema at version ${schemaVersion}, expected ${LATEST_VERSION}` };
      }
      return { ok: true, driver: 'sqlite', schemaVersion, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { ok: false, driver: 'sqlite', error: String(driverFacts(error).driverMessage ?? 'unreachable') };
    }
  }

  async close(): Promise<void> {
    this.#statements.clear();
    if (this.#db.open) this.#db.close();
  }
}

/** The embedded store: one file, WAL, every write in an IMMEDIATE transaction. */
export function createSqliteCommentStore(options: SqliteOptions): CommentStore {
  return new SqlCommentStore(new SqliteRunner(options));
}
