import 'server-only';

import { q, type Dialect, type Op } from '@/lib/comments/sql';

// Moderator sign-in attempts and revoked sessions (migration 003). An attempt
// is recorded as failed before the password is checked, in the same
// transaction that counts the earlier ones, so twenty attempts sent at once
// are counted one after the other and the limit holds; a right password then
// marks it as succeeded.

/** Wrong passwords allowed from one address, and from everywhere together, within SIGN_IN_WINDOW_MS. */
export const SIGN_IN_LIMITS = { perAddress: 5, overall: 50 } as const;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export type SignInAttempt =
  | { allowed: true; attemptId: number; failuresFromAddress: number }
  | { allowed: false; retryAfterMs: number; scope: 'address' | 'overall' };

const time = (value: unknown) => (value instanceof Date ? value.getTime() : Number(value));

export function* beginSignInOp(dialect: Dialect, ipHash: string, now: Date): Op<SignInAttempt> {
  // PostgreSQL: one counter at a time, as SQLite's IMMEDIATE transaction already is.
  if (dialect === 'postgres') yield q('LOCK TABLE moderator_sign_in IN SHARE ROW EXCLUSIVE MODE');
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const [mine] = yield q('SELECT COUNT(*) AS n, MIN(at) AS oldest FROM moderator_sign_in WHERE ip_hash = ? AND at > ? AND succeeded = 0', [
    ipHash,
    since,
  ]);
  const [all] = yield q('SELECT COUNT(*) AS n, MIN(at) AS oldest FROM moderator_sign_in WHERE at > ? AND succeeded = 0', [since]);
  const retryAfter = (row: Record<string, unknown> | undefined) => Math.max(1_000, time(row?.oldest) + SIGN_IN_WINDOW_MS - now.getTime());
  if (Number(mine?.n ?? 0) >= SIGN_IN_LIMITS.perAddress) return { allowed: false, retryAfterMs: retryAfter(mine), scope: 'address' };
  if (Number(all?.n ?? 0) >= SIGN_IN_LIMITS.overall) return { allowed: false, retryAfterMs: retryAfter(all), scope: 'overall' };
  const [row] = yield q('INSERT INTO moderator_sign_in (ip_hash, at, succeeded) VALUES (?, ?, 0) RETURNING id', [ipHash, now]);
  return { allowed: true, attemptId: Number(row?.id), failuresFromAddress: Number(mine?.n ?? 0) };
}

/** The attempt succeeded: it and that address's earlier failures no longer count. Old rows are cleared too. */
export function* signInSucceededOp(attemptId: number, ipHash: string, now: Date): Op<void> {
  yield q('UPDATE moderator_sign_in SET succeeded = 1 WHERE id = ?', [attemptId]);
  yield q('DELETE FROM moderator_sign_in WHERE ip_hash = ? AND succeeded = 0', [ipHash]);
  yield q('DELETE FROM moderator_sign_in WHERE at < ?', [new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000)]);
  yield q('DELETE FROM moderator_session_revoked WHERE expires_at < ?', [now]);
}

export function* revokeSessionOp(sessionId: string, expiresAt: Date): Op<void> {
  yield q('INSERT INTO moderator_session_revoked (session_id, expires_at) VALUES (?, ?) ON CONFLICT (session_id) DO NOTHING', [
    sessionId,
    expiresAt,
  ]);
}

export function* isSessionRevokedOp(sessionId: string): Op<boolean> {
  const rows = yield q('SELECT 1 AS revoked FROM moderator_session_revoked WHERE session_id = ?', [sessionId]);
  return rows.length > 0;
}
