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
  if (code.startsWith('SQLITE_READONLY')) {
    return new CommentStoreError(
      'unavailable',
      'The comment database is read-only: let the server write the file, its -wal and -shm files and their folder.',
      facts,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new CommentStoreError(
      'unavailable',
      `The comment database could not be opened (${code}): check that its folder exists and the server may read and write it.`,
      facts,
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL') {
    return new CommentStoreError(
      'unavailable',
      `The comment database could not be written to disk (${code}): check that its disk has room and is not read-only.`,
      facts,
    );
  }
  return new CommentStoreError('unavailable', `The comment database failed${code ? ` (${code})` : ''}.`, facts);
}

class SqliteRunner implements Runner {
  readonly dialect = 'sqlite' as const;
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  readonly #file: string;
  /** The file that was opened, to notice when it is deleted or replaced under the server. */
  #identity: { dev: number; ino: number } | null = null;

  constructor(options: SqliteOptions) {
    this.#file = path.resolve(options.filename);
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
      const { dev, ino } = fs.statSync(this.#file);
      this.#identity = { dev, ino };
    } catch (error) {
      // A file or folder the server may not write is the likeliest cause: say so if it is.
      this.#checkWritable('open');
      throw storeError(error, 'open');
    }
  }

  /**
   * Throws when the file this server opened is no longer at its path (deleted,
   * or replaced by another file): writes would go to a file nobody can read
   * again, so none is acknowledged. The path goes to the details, for the log:
   * the message is shown by /api/health to anyone.
   */
  #checkFile(during: string): void {
    let now: fs.Stats | null = null;
    try {
      now = fs.statSync(this.#file);
    } catch {
      now = null;
    }
    if (now && this.#identity && now.dev === this.#identity.dev && now.ino === this.#identity.ino) return;
    throw new CommentStoreError(
      'unavailable',
      `The comment database file was ${now ? 'replaced' : 'deleted'} while the server ran; restore it or restart the server to open the file now there.`,
      { during, driverCode: 'DATELINE_FILE_CHANGED', driverMessage: null, file: this.#file },
    );
  }

  /**
   * Throws when the server may not write the file, its -wal and -shm files or
   * their folder (permissions, or a file system mounted read-only, which
   * stops root too). Asked of the operating system, so nothing is written.
   */
  #checkWritable(during: string): void {
    const targets: Array<[string, string]> = [
      ['the file', this.#file],
      ['its -wal file', `${this.#file}-wal`],
      ['its -shm file', `${this.#file}-shm`],
      ['its folder', path.dirname(this.#file)],
    ];
    for (const [name, target] of targets) {
      try {
        fs.accessSync(target, fs.constants.W_OK);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' && target !== this.#file) continue;
        throw new CommentStoreError(
          'unavailable',
          `The comment database cannot be written: ${name} is ${code === 'EROFS' ? 'on a read-only file system' : `not writable (${code ?? 'unknown'})`}; let the server write the file, its -wal and -shm files and their folder.`,
          { during, driverCode: code ?? null, driverMessage: null, file: target },
        );
      }
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
      this.#checkFile('write');
      // IMMEDIATE takes the write lock up front, so two writers wait for each
      // other (up to busy_timeout) instead of failing half-way.
      const result = this.#db
        .transaction(() => {
          const result = this.#drive(op());
          if (result instanceof Rollback) throw result;
          return result;
        })
        .immediate();
      // Deleted while this write ran: what it stored cannot be read again.
      this.#checkFile('write');
      return result;
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
      this.#checkFile('health');
      this.#checkWritable('health');
      const schemaVersion = this.#version();
      if (schemaVersion < LATEST_VERSION) {
        return { ok: false, driver: 'sqlite', error: `schema at version ${schemaVersion}, expected ${LATEST_VERSION}` };
      }
      return { ok: true, driver: 'sqlite', schemaVersion, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      if (error instanceof CommentStoreError) {
        const file = error.details.file;
        return { ok: false, driver: 'sqlite', error: error.message, ...(typeof file === 'string' ? { file } : {}) };
      }
      return {
        ok: false,
        driver: 'sqlite',
        error: storeError(error, 'health').message + ` (${String(driverFacts(error).driverMessage ?? 'unreachable')})`,
      };
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
