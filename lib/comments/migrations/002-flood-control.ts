import 'server-only';

import type { Migration } from '@/lib/comments/migrations';

// The time of each sender's last comment, per IP hash and per email hash. It
// lives in the database, not in memory, so the limit holds across app servers;
// one row per sender makes taking the slot a single atomic upsert.

export const migration002: Migration = {
  version: 2,
  name: 'flood-control',
  sqlite: `
CREATE TABLE comment_rate (
  kind TEXT NOT NULL CHECK (kind IN ('ip', 'email')),
  sender TEXT NOT NULL,
  last_at INTEGER NOT NULL,
  PRIMARY KEY (kind, sender)
) STRICT;
CREATE INDEX comment_rate_last_at ON comment_rate (last_at);
`,
  postgres: `
CREATE TABLE comment_rate (
  kind TEXT NOT NULL CHECK (kind IN ('ip', 'email')),
  sender TEXT NOT NULL,
  last_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (kind, sender)
);
CREATE INDEX comment_rate_last_at ON comment_rate (last_at);
`,
};
