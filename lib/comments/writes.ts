import 'server-only';

import type { CommentEdit } from '@/lib/comments/schema';
import {
  chunks,
  columns,
  lock,
  placeholders,
  q,
  Rollback,
  toComment,
  toNumber,
  toNumberOrNull,
  type Dialect,
  type Op,
} from '@/lib/comments/sql';
import {
  FLOOD_INTERVAL_MS,
  type Comment,
  type CommentStatus,
  type CreateMeta,
  type CreateResult,
  type EraseResult,
  type ModerationAction,
  type ModerationChange,
  type ModerationResult,
  type NewComment,
} from '@/lib/comments/store';
import { duplicateBodyForm, normaliseEmail, sha256Hex } from '@/lib/comments/text';

const ACTION_TARGET: Record<Exclude<ModerationAction, 'restore'>, CommentStatus> = {
  approve: 'approved',
  spam: 'spam',
  trash: 'trash',
  hold: 'held',
};

/** The flood-control key of an email address; the address itself is not repeated in that table. */
export function emailFloodKey(emailNorm: string): string {
  return sha256Hex('flood-email', emailNorm);
}

function* insertEvent(
  commentId: number,
  action: string,
  from: CommentStatus | null,
  to: CommentStatus | null,
  actor: string,
  note: string,
  at: Date,
): Op<void> {
  yield q('INSERT INTO comment_events (comment_id, action, from_status, to_status, actor, note, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    commentId,
    action,
    from,
    to,
    actor,
    note,
    at,
  ]);
}

function* findBySubmission(key: string): Op<Comment | null> {
  const rows = yield q(`SELECT ${columns()} FROM comments WHERE idempotency_key = ?`, [key]);
  return rows[0] ? toComment(rows[0]) : null;
}

/**
 * Takes the flood slot of one sender: a single upsert that succeeds only when
 * the previous comment is old enough. In PostgreSQL the row lock makes a
 * concurrent sender with the same key wait and then see the new time.
 */
function* takeFloodSlot(kind: 'ip' | 'email', sender: string, now: Date): Op<number | null> {
  const rows = yield q(
    `INSERT INTO comment_rate (kind, sender, last_at) VALUES (?, ?, ?)
     ON CONFLICT (kind, sender) DO UPDATE SET last_at = excluded.last_at WHERE comment_rate.last_at <= ?
     RETURNING kind`,
    [kind, sender, now, new Date(now.getTime() - FLOOD_INTERVAL_MS)],
  );
  if (rows.length > 0) return null;
  const [last] = yield q('SELECT last_at FROM comment_rate WHERE kind = ? AND sender = ?', [kind, sender]);
  const lastAt = last?.last_at instanceof Date ? last.last_at.getTime() : Number(last?.last_at ?? now.getTime());
  return Math.max(1, Math.ceil((lastAt + FLOOD_INTERVAL_MS - now.getTime()) / 1000));
}

export function* createOp(dialect: Dialect, input: NewComment, meta: CreateMeta): Op<CreateResult | Rollback<CreateResult>> {
  const now = meta.now ?? new Date();
  const earlier = yield* findBySubmission(meta.idempotencyKey);
  if (earlier) return { outcome: 'duplicate-submission', comment: earlier };

  const emailNorm = normaliseEmail(input.email);
  const senders: Array<['ip' | 'email', string | null]> = [
    ['ip', meta.ipHash],
    ['email', emailFloodKey(emailNorm)],
  ];
  // A resend of the same comment was answered above; anything else this sender sends with the form is refused.
  for (const [kind, sender] of senders) {
    if (sender === null) continue;
    const used = yield q('SELECT 1 AS used FROM comment_form_use WHERE form_key = ? AND kind = ? AND sender = ?', [
      meta.formKey,
      kind,
      sender,
    ]);
    if (used.length > 0) return { outcome: 'form-used' };
  }

  if (input.parentId !== null) {
    const [parent] = yield q(`SELECT article_slug, status FROM comments WHERE id = ?${lock(dialect, 'SHARE')}`, [input.parentId]);
    if (!parent || parent.article_slug !== input.articleSlug) return { outcome: 'parent-not-found' };
    if (parent.status !== 'approved') return { outcome: 'parent-not-approved' };
  }

  const duplicateKey = sha256Hex('duplicate', input.articleSlug, emailNorm, duplicateBodyForm(input.body));
  // DO NOTHING covers both unique keys; which one refused the row is asked afterwards.
  const inserted = yield q(
    `INSERT INTO comments (article_slug, parent_id, name, email, email_norm, website, body, status, status_reason,
       ip_hash, idempotency_key, duplicate_key, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING
     RETURNING ${columns()}`,
    [
      input.articleSlug,
      input.parentId,
      input.name,
      input.email,
      emailNorm,
      input.website,
      input.body,
      meta.status,
      meta.statusReason,
      meta.ipHash,
      meta.idempotencyKey,
      duplicateKey,
      now,
      now,
    ],
  );
  if (!inserted[0]) {
    const concurrent = yield* findBySubmission(meta.idempotencyKey);
    return concurrent ? { outcome: 'duplicate-submission', comment: concurrent } : { outcome: 'duplicate-content' };
  }
  const comment = toComment(inserted[0]);

  for (const [kind, key] of senders) {
    if (key === null) continue;
    const retryAfterSeconds = yield* takeFloodSlot(kind, key, now);
    if (retryAfterSeconds !== null) return new Rollback<CreateResult>({ outcome: 'flood', limitedBy: kind, retryAfterSeconds });
  }
  for (const [kind, key] of senders) {
    if (key === null) continue;
    yield q('INSERT INTO comment_form_use (form_key, kind, sender, used_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [
      meta.formKey,
      kind,
      key,
      now,
    ]);
  }

  yield* insertEvent(comment.id, 'create', null, meta.status, 'reader', meta.statusReason, now);
  return { outcome: 'created', comment };
}

/** Drops flood rows too old to matter; locked rows are left for next time. */
export function* pruneFloodOp(dialect: Dialect, now: Date): Op<void> {
  const cutoff = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const key = dialect === 'postgres' ? 'ctid' : 'rowid';
  const skipLocked = dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  yield q(`DELETE FROM comment_rate WHERE ${key} IN (SELECT ${key} FROM comment_rate WHERE last_at < ? LIMIT 500${skipLocked})`, [cutoff]);
  // A day is longer than any form token lives (TOKEN_MAX_AGE_MS, 6 hours).
  yield q(`DELETE FROM comment_form_use WHERE ${key} IN (SELECT ${key} FROM comment_form_use WHERE used_at < ? LIMIT 500${skipLocked})`, [
    cutoff,
  ]);
}

function revalidated(changes: readonly ModerationChange[]): string[] {
  return [...new Set(changes.filter((c) => c.from === 'approved' || c.to === 'approved').map((c) => c.articleSlug))].sort();
}

export function* moderateOp(
  dialect: Dialect,
  ids: readonly number[],
  action: ModerationAction,
  actor: string,
  now: Date,
): Op<ModerationResult> {
  const result: ModerationResult = { changed: [], unchanged: [], notFound: [], articleSlugs: [] };
  for (const part of chunks([...new Set(ids)].sort((a, b) => a - b))) {
    const rows = yield q(
      `SELECT id, article_slug, status, previous_status FROM comments WHERE id IN (${placeholders(part.length)}) ORDER BY id${lock(dialect, 'UPDATE')}`,
      part,
    );
    const found = new Map(rows.map((row) => [toNumber(row.id), row]));
    for (const id of part) {
      const row = found.get(id);
      if (!row) {
        result.notFound.push(id);
        continue;
      }
      const from = row.status as CommentStatus;
      const to = action === 'restore' ? (row.previous_status as CommentStatus | null) : ACTION_TARGET[action];
      if (!to || to === from) {
        result.unchanged.push(id);
        continue;
      }
      yield q('UPDATE comments SET status = ?, previous_status = ?, updated_at = ? WHERE id = ?', [to, from, now, id]);
      yield* insertEvent(id, action, from, to, actor, '', now);
      result.changed.push({ id, articleSlug: String(row.article_slug), from, to });
    }
  }
  result.articleSlugs = revalidated(result.changed);
  return result;
}

export function* editOp(
  dialect: Dialect,
  id: number,
  edit: CommentEdit,
  actor: string,
  now: Date,
): Op<{ comment: Comment; articleSlugs: string[] } | null> {
  const [row] = yield q(`SELECT ${columns()} FROM comments WHERE id = ?${lock(dialect, 'UPDATE')}`, [id]);
  if (!row) return null;
  const before = toComment(row);
  const after = {
    name: edit.name ?? before.name,
    email: edit.email ?? before.email,
    website: edit.website === undefined ? before.website : edit.website,
    body: edit.body ?? before.body,
  };
  const changed = (Object.keys(after) as Array<keyof typeof after>).filter((field) => after[field] !== before[field]);
  if (changed.length === 0) return { comment: before, articleSlugs: [] };
  const [updated] = yield q(
    `UPDATE comments SET name = ?, email = ?, email_norm = ?, website = ?, body = ?, updated_at = ?, edited_at = ?
     WHERE id = ? RETURNING ${columns()}`,
    [after.name, after.email, normaliseEmail(after.email), after.website, after.body, now, now, id],
  );
  // The note names the fields, never their values: an edit may change an email address.
  yield* insertEvent(id, 'edit', before.status, before.status, actor, changed.join(', '), now);
  return {
    comment: toComment(updated ?? row),
    articleSlugs: before.status === 'approved' ? [before.articleSlug] : [],
  };
}

/**
 * Deletes every comment of one address with its history. Other readers'
 * replies to them move up to the nearest remaining ancestor (a top-level
 * thread when none is left), so their conversation stays in order.
 */
export function* eraseOp(dialect: Dialect, email: string): Op<EraseResult> {
  const emailNorm = normaliseEmail(email);
  const own = yield q(
    `SELECT id, parent_id, article_slug, status FROM comments WHERE email_norm = ? ORDER BY id${lock(dialect, 'UPDATE')}`,
    [emailNorm],
  );
  const parentOf = new Map(own.map((row) => [toNumber(row.id), toNumberOrNull(row.parent_id)]));
  const ids = [...parentOf.keys()];
  // Pages change where an approved comment goes or an approved reply moves.
  const touched = new Set(own.filter((row) => row.status === 'approved').map((row) => String(row.article_slug)));

  let reparented = 0;
  for (const part of chunks(ids)) {
    const replies = yield q(
      `SELECT id, parent_id, article_slug, status FROM comments
       WHERE parent_id IN (${placeholders(part.length)}) AND email_norm <> ? ORDER BY id${lock(dialect, 'UPDATE')}`,
      [...part, emailNorm],
    );
    for (const reply of replies) {
      let parent = toNumberOrNull(reply.parent_id);
      while (parent !== null && parentOf.has(parent)) parent = parentOf.get(parent) ?? null;
      yield q('UPDATE comments SET parent_id = ? WHERE id = ?', [parent, toNumber(reply.id)]);
      reparented += 1;
      if (reply.status === 'approved') touched.add(String(reply.article_slug));
    }
  }
  // Links among the erased comments are cut first, so no statement leaves a dangling parent.
  for (const part of chunks(ids)) {
    yield q(`UPDATE comments SET parent_id = NULL WHERE id IN (${placeholders(part.length)})`, part);
  }
  for (const part of chunks(ids)) {
    yield q(`DELETE FROM comment_events WHERE comment_id IN (${placeholders(part.length)})`, part);
    yield q(`DELETE FROM comments WHERE id IN (${placeholders(part.length)})`, part);
  }
  yield q("DELETE FROM comment_rate WHERE kind = 'email' AND sender = ?", [emailFloodKey(emailNorm)]);
  yield q("DELETE FROM comment_form_use WHERE kind = 'email' AND sender = ?", [emailFloodKey(emailNorm)]);
  return { erased: ids.length, reparented, articleSlugs: [...touched].sort() };
}

/**
 * Moves every comment of the articles `from` (old slugs) to `to`: replies,
 * moderation history and comment pages follow, since they hang on the
 * comments' ids. Idempotent: a second call finds nothing to move.
 */
export function* moveArticleCommentsOp(from: readonly string[], to: string): Op<number> {
  let moved = 0;
  for (const part of chunks([...from])) {
    const rows = yield q(`UPDATE comments SET article_slug = ? WHERE article_slug IN (${placeholders(part.length)}) RETURNING id`, [
      to,
      ...part,
    ]);
    moved += rows.length;
  }
  return moved;
}
