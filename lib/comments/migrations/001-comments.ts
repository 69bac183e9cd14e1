import 'server-only';

import type { Migration } from '@/lib/comments/migrations';

// Comments and their moderation history. `duplicate_key` (a hash of article,
// email and text) and `idempotency_key` (one per submission) are UNIQUE, so
// duplicates are refused by the database itself, even from concurrent requests.

const STATUS = "('held', 'approved', 'spam', 'trash')";

const INDEXES = `
CREATE INDEX comments_article_threads ON comments (article_slug, status, parent_id, created_at, id);
CREATE INDEX comments_parent ON comments (parent_id);
CREATE INDEX comments_status_recent ON comments (status, created_at, id);
CREATE INDEX comments_email ON comments (email_norm);
CREATE INDEX comment_events_comment ON comment_events (comment_id, id);
`;

export const migration001: Migration = {
  version: 1,
  name: 'comments',
  sqlite: `
CREATE TABLE comments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  article_slug TEXT NOT NULL,
  parent_id INTEGER REFERENCES comments (id),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  email_norm TEXT NOT NULL,
  website TEXT,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ${STATUS}),
  previous_status TEXT CHECK (previous_status IN ${STATUS}),
  status_reason TEXT NOT NULL DEFAULT '',
  ip_hash TEXT,
  idempotency_key TEXT UNIQUE,
  duplicate_key TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  edited_at INTEGER
) STRICT;
CREATE TABLE comment_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  comment_id INTEGER NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  actor TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL
) STRICT;
${INDEXES}`,
  postgres: `
CREATE TABLE comments (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_slug TEXT NOT NULL,
  parent_id BIGINT REFERENCES comments (id),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  email_norm TEXT NOT NULL,
  website TEXT,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ${STATUS}),
  previous_status TEXT CHECK (previous_status IN ${STATUS}),
  status_reason TEXT NOT NULL DEFAULT '',
  ip_hash TEXT,
  idempotency_key TEXT UNIQUE,
  duplicate_key TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  edited_at TIMESTAMPTZ
);
CREATE TABLE comment_events (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  comment_id BIGINT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  actor TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  at TIMESTAMPTZ NOT NULL
);
${INDEXES}`,
};
