import 'server-only';

import pg from 'pg';

import { CommentStoreError, driverFacts } from '@/lib/comments/errors';
import { LATEST_VERSION, pendingMigrations } from '@/lib/comments/migrations';
import { Rollback, type Op, type Query, type Row } from '@/lib/comments/sql';
import { SqlCommentStore, type Runner } from '@/lib/comments/sql-store';
import type { CommentStore, HealthReport, MigrationReport } from '@/lib/comments/store';

export type PostgresOptions = {
  connectionString: string;
  /** A schema of its own (created by `migrate`); the default is the connection's search path. */
  schema?: string;
  /** Connections per app server. */
  poolSize?: number;
  /** How long a statement waits for a row lock, and a request for a free connection, before `busy`. */
  lockTimeoutMs?: number;
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
// A serialization failure or a deadlock is retried: the transaction is run again from the start.
const RETRIED = new Set(['40001', '40P01']);
const ATTEMPTS = 3;

/** `?` placeholders as `$1, $2, …`; the shared SQL has no `?` inside literals. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function storeError(error: unknown, during: string): CommentStoreError {
  if (error instanceof CommentStoreError) return error;
  const code = String((error as { code?: unknown })?.code ?? '');
  const facts = { ...driverFacts(error), during };
  const message = error instanceof Error ? error.message : '';
  // lock_not_available, query_canceled (statement timeout), too_many_connections, pool exhausted.
  if (code === '55P03' || code === '57014' || code === '53300' || /timeout exceeded when trying to connect/i.test(message)) {
    return new CommentStoreError('busy', 'The comment database is busy.', facts);
  }
  if (RETRIED.has(code) || code === '23505') {
    return new CommentStoreError('conflict', 'A concurrent comment change won.', facts);
  }
  return new CommentStoreError('unavailable', 'The comment database failed.', facts);
}

class PostgresRunner implements Runner {
  readonly dialect = 'postgres' as const;
  readonly #pool: pg.Pool;
  readonly #schema: string | undefined;

  constructor(options: PostgresOptions) {
    if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
      throw new CommentStoreError('config', 'The PostgreSQL schema name must be lower-case letters, digits and underscores.');
    }
    this.#schema = options.schema;
    const lockTimeout = options.lockTimeoutMs ?? 5_000;
    this.#pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: lockTimeout,
      lock_timeout: lockTimeout,
      statement_timeout: 30_000,
      idle_in_transaction_session_timeout: 60_000,
      ...(this.#schema ? { options: `-c search_path=${this.#schema}` } : {}),
    });
    // An idle connection that dies is replaced by the pool; the error must not crash the process.
    this.#pool.on('error', () => undefined);
  }

  async #drive<T>(client: pg.PoolClient, op: Op<T | Rollback<T>>): Promise<T | Rollback<T>> {
    let step = op.next();
    while (!step.done) {
      const query: Query = step.value;
      const result = await client.query<Row>(numbered(query.sql), [...query.params]);
      step = op.next(result.rows);
    }
    return step.value;
  }

  async #transaction<T>(begin: string, op: () => Op<T | Rollback<T>>, during: string): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      let client: pg.PoolClient;
      try {
        client = await this.#pool.connect();
      } catch (error) {
        throw storeError(error, during);
      }
      let broken: Error | undefined;
      try {
        await client.query(begin);
        const result = await this.#drive(client, op());
        if (result instanceof Rollback) {
          await client.query('ROLLBACK');
          return result.value;
        }
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        const code = String((error as { code?: unknown })?.code ?? '');
        if (RETRIED.has(code) && attempt < ATTEMPTS) continue;
        throw storeError(error, during);
      } finally {
        client.release(broken);
      }
    }
  }

  read<T>(op: () => Op<T>): Promise<T> {
    return this.#transaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', op, 'read');
  }

  // READ COMMITTED with row locks (FOR UPDATE / FOR SHARE), unique keys and
  // ON CONFLICT: a concurrent writer waits for the row and then sees its new value.
  write<T>(op: () => Op<T | Rollback<T>>): Promise<T> {
    return this.#transaction('BEGIN', op, 'write');
  }

  async migrate(to?: number): Promise<MigrationReport> {
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw storeError(error, 'migrate');
    }
    const lockKey = `dateline/comments/migrate/${this.#schema ?? ''}`;
    try {
      // Two servers starting at once: the second waits here, then finds nothing left to do.
      await client.query("SET lock_timeout = '5min'; SET statement_timeout = 0");
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
      try {
        if (this.#schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.#schema}`);
        await client.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
        );
        const applied: number[] = [];
        for (const migration of pendingMigrations(await this.#version(client), to)) {
          await client.query('BEGIN');
          try {
            await client.query(migration.postgres);
            await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK');
            throw error;
          }
          applied.push(migration.version);
        }
        return { applied, version: await this.#version(client) };
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
        await client.query('RESET lock_timeout; RESET statement_timeout');
      }
    } catch (error) {
      throw storeError(error, 'migrate');
    } finally {
      client.release();
    }
  }

  async #version(client: pg.PoolClient | pg.Pool): Promise<number> {
    const table = await client.query<{ found: string | null }>("SELECT to_regclass('schema_migrations')::text AS found");
    if (!table.rows[0]?.found) return 0;
    const result = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    return result.rows[0]?.v ?? 0;
  }

  async health(): Promise<HealthReport> {
    const started = performance.now();
    try {
      const schemaVersion = await this.#version(this.#pool);
      if (schemaVersion < LATEST_VERSION) {
        return { ok: false, driver: 'postgres', error: `schema at version ${schemaVersion}, expected ${LATEST_VERSION}` };
      }
      return { ok: true, driver: 'postgres', schemaVersion, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { ok: false, driver: 'postgres', error: String(driverFacts(error).driverMessage ?? 'unreachable') };
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}

/** The shared store for several app servers: one pool per process. */
export function createPostgresCommentStore(options: PostgresOptions): CommentStore {
  return new SqlCommentStore(new PostgresRunner(options));
}
