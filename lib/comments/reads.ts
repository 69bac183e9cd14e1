import 'server-only';

import { chunks, columns, placeholders, q, toComment, toIso, toNumber, toPublicComment, type Op } from '@/lib/comments/sql';
import {
  COMMENT_STATUSES,
  type ApprovedPage,
  type Comment,
  type CommentEvent,
  type CommentExport,
  type CommentStatus,
  type EventAction,
  type PublicComment,
  type StatusCounts,
  type StatusList,
} from '@/lib/comments/store';
import { normaliseEmail } from '@/lib/comments/text';
import { buildThreads } from '@/lib/comments/threads';

// A reply is visible when it and every comment above it are approved: hiding
// a comment hides the conversation under it until it is restored.
const VISIBLE_IDS = `WITH RECURSIVE visible (id) AS (
    SELECT id FROM comments WHERE article_slug = ? AND parent_id IS NULL AND status = 'approved'
    UNION ALL
    SELECT c.id FROM comments c JOIN visible v ON c.parent_id = v.id WHERE c.status = 'approved'
  )`;

export function* countApprovedOp(articleSlug: string): Op<number> {
  const [row] = yield q(`${VISIBLE_IDS} SELECT count(*) AS n FROM visible`, [articleSlug]);
  return toNumber(row?.n ?? 0);
}

export function* listApprovedOp(articleSlug: string, page: number, threadsPerPage: number): Op<ApprovedPage> {
  const [threads] = yield q("SELECT count(*) AS n FROM comments WHERE article_slug = ? AND parent_id IS NULL AND status = 'approved'", [
    articleSlug,
  ]);
  const threadCount = toNumber(threads?.n ?? 0);
  const commentCount = yield* countApprovedOp(articleSlug);
  const rootRows = yield q(
    `SELECT ${columns()} FROM comments WHERE article_slug = ? AND parent_id IS NULL AND status = 'approved'
     ORDER BY created_at, id LIMIT ? OFFSET ?`,
    [articleSlug, threadsPerPage, (page - 1) * threadsPerPage],
  );
  const roots = rootRows.map(toPublicComment);
  const replies: PublicComment[] = [];
  if (roots.length > 0) {
    const replyRows = yield q(
      `WITH RECURSIVE thread AS (
         SELECT ${columns()} FROM comments WHERE id IN (${placeholders(roots.length)})
         UNION ALL
         SELECT ${columns('c')} FROM comments c JOIN thread t ON c.parent_id = t.id
         WHERE c.status = 'approved' AND c.article_slug = ?
       )
       SELECT ${columns()} FROM thread WHERE parent_id IS NOT NULL`,
      [...roots.map((root) => root.id), articleSlug],
    );
    replies.push(...replyRows.map(toPublicComment));
  }
  return {
    articleSlug,
    page,
    threadsPerPage,
    totalPages: Math.max(1, Math.ceil(threadCount / threadsPerPage)),
    threadCount,
    commentCount,
    threads: buildThreads(roots, replies),
  };
}

export function* getApprovedCommentOp(articleSlug: string, id: number): Op<PublicComment | null> {
  const chain = yield q(
    `WITH RECURSIVE chain AS (
       SELECT id, parent_id, status FROM comments WHERE id = ? AND article_slug = ?
       UNION ALL
       SELECT c.id, c.parent_id, c.status FROM comments c JOIN chain ch ON c.id = ch.parent_id
     )
     SELECT status FROM chain`,
    [id, articleSlug],
  );
  if (chain.length === 0 || chain.some((row) => row.status !== 'approved')) return null;
  const [row] = yield q(`SELECT ${columns()} FROM comments WHERE id = ?`, [id]);
  return row ? toPublicComment(row) : null;
}

export function* getCommentOp(id: number): Op<Comment | null> {
  const [row] = yield q(`SELECT ${columns()} FROM comments WHERE id = ?`, [id]);
  return row ? toComment(row) : null;
}

export function* listByStatusOp(status: CommentStatus, limit: number, offset: number, articleSlug: string | undefined): Op<StatusList> {
  const where = articleSlug === undefined ? '' : ' WHERE article_slug = ?';
  const scope = articleSlug === undefined ? [] : [articleSlug];
  const countRows = yield q(`SELECT status, count(*) AS n FROM comments${where} GROUP BY status`, scope);
  const counts = Object.fromEntries(COMMENT_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const row of countRows) counts[row.status as CommentStatus] = toNumber(row.n);
  const rows = yield q(
    `SELECT ${columns()} FROM comments WHERE status = ?${articleSlug === undefined ? '' : ' AND article_slug = ?'}
     ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
    [status, ...scope, limit, offset],
  );
  return { comments: rows.map(toComment), total: counts[status], counts };
}

function toEvent(row: Record<string, unknown>): CommentEvent {
  return {
    id: toNumber(row.id),
    commentId: toNumber(row.comment_id),
    action: row.action as EventAction,
    from: (row.from_status ?? null) as CommentStatus | null,
    to: (row.to_status ?? null) as CommentStatus | null,
    actor: String(row.actor),
    note: String(row.note),
    at: toIso(row.at),
  };
}

const EVENT_COLUMNS = 'id, comment_id, action, from_status, to_status, actor, note, at';

export function* getEventsOp(commentId: number): Op<CommentEvent[]> {
  const rows = yield q(`SELECT ${EVENT_COLUMNS} FROM comment_events WHERE comment_id = ? ORDER BY id`, [commentId]);
  return rows.map(toEvent);
}

export function* exportOp(email: string, now: Date): Op<CommentExport> {
  const rows = yield q(`SELECT ${columns()}, ip_hash FROM comments WHERE email_norm = ? ORDER BY created_at, id`, [normaliseEmail(email)]);
  const history = new Map<number, CommentEvent[]>();
  for (const part of chunks(rows.map((row) => toNumber(row.id)))) {
    const events = yield q(
      `SELECT ${EVENT_COLUMNS} FROM comment_events WHERE comment_id IN (${placeholders(part.length)}) ORDER BY id`,
      part,
    );
    for (const event of events.map(toEvent)) history.set(event.commentId, [...(history.get(event.commentId) ?? []), event]);
  }
  return {
    email: email.trim(),
    exportedAt: now.toISOString(),
    comments: rows.map((row) => {
      const { statusReason: _reason, ...comment } = toComment(row);
      return {
        ...comment,
        ipHash: row.ip_hash === null ? null : String(row.ip_hash),
        // Moderators' names stay out of a reader's export.
        history: (history.get(comment.id) ?? []).map(({ action, from, to, at }) => ({ action, from, to, at })),
      };
    }),
  };
}

/** Every article with comments in any state, and how many. */
export function* countByArticleOp(): Op<Map<string, number>> {
  const rows = yield q('SELECT article_slug, COUNT(*) AS n FROM comments GROUP BY article_slug', []);
  return new Map(rows.map((row) => [String(row.article_slug), toNumber(row.n)]));
}

/** How many comments, in any state, each of these articles has (articles without any are left out). */
export function* countAllOp(articleSlugs: readonly string[]): Op<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const part of chunks([...articleSlugs])) {
    const rows = yield q(
      `SELECT article_slug, COUNT(*) AS n FROM comments WHERE article_slug IN (${placeholders(part.length)}) GROUP BY article_slug`,
      part,
    );
    for (const row of rows) counts.set(String(row.article_slug), toNumber(row.n));
  }
  return counts;
}
