import 'server-only';

import type { Migration } from '@/lib/comments/migrations';

// Which senders have already used a comment form (a signed token's nonce,
// hashed), per IP hash and per email hash: a form sends one comment per
// sender, and a resend of that same comment stays a resend. Per sender, not
// per form, because a cached article page hands one form to many readers.
// Rows older than a day outlive every token and are pruned.

export const migration004: Migration = {
  version: 4,
  name: 'form-use',
  sqlite: `
CREATE TABLE comment_form_use (
  form_key TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('ip', 'email')),
  sender TEXT NOT NULL,
  used_at INTEGER NOT NULL,
  PRIMARY KEY (form_key, kind, sender)
) STRICT;
CREATE INDEX comment_form_use_used_at ON comment_form_use (used_at);
`,
  postgres: `
CREATE TABLE comment_form_use (
  form_key TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('ip', 'email')),
  sender TEXT NOT NULL,
  used_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (form_key, kind, sender)
);
CREATE INDEX comment_form_use_used_at ON comment_form_use (used_at);
`,
};
