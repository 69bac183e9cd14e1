import 'server-only';

import type { Migration } from '@/lib/comments/migrations';

// Moderator sign-in, kept in the database so it holds across app servers:
// every attempt (for the lockout after too many wrong passwords, per address
// and overall), and the sessions ended by signing out before their expiry
// (a saved copy of the cookie no longer opens moderation on any server).

export const migration003: Migration = {
  version: 3,
  name: 'moderator-access',
  sqlite: `
CREATE TABLE moderator_sign_in (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ip_hash TEXT NOT NULL,
  at INTEGER NOT NULL,
  succeeded INTEGER NOT NULL DEFAULT 0 CHECK (succeeded IN (0, 1))
) STRICT;
CREATE INDEX moderator_sign_in_at ON moderator_sign_in (at);
CREATE INDEX moderator_sign_in_ip ON moderator_sign_in (ip_hash, at);
CREATE TABLE moderator_session_revoked (
  session_id TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
) STRICT;
`,
  postgres: `
CREATE TABLE moderator_sign_in (
  id BIGSERIAL PRIMARY KEY,
  ip_hash TEXT NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  succeeded INTEGER NOT NULL DEFAULT 0 CHECK (succeeded IN (0, 1))
);
CREATE INDEX moderator_sign_in_at ON moderator_sign_in (at);
CREATE INDEX moderator_sign_in_ip ON moderator_sign_in (ip_hash, at);
CREATE TABLE moderator_session_revoked (
  session_id TEXT PRIMARY KEY,
  expires_at TIMESTAMPTZ NOT NULL
);
`,
};
