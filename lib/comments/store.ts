import 'server-only';

import type { SignInAttempt } from '@/lib/comments/access';
import type { CommentEdit, CommentInput } from '@/lib/comments/schema';

export const COMMENT_STATUSES = ['held', 'approved', 'spam', 'trash'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** What spam rules may decide for a new comment; only a moderator approves. */
export type InitialStatus = Extract<CommentStatus, 'held' | 'spam'>;

/** `restore` returns each comment to the state it had before its last change. */
export const MODERATION_ACTIONS = ['approve', 'spam', 'trash', 'hold', 'restore'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** Replies nest this deep; replies to a comment at this depth are shown after it, at the same depth. */
export const MAX_DEPTH = 3;
export const THREADS_PER_PAGE = 50;

/** A comment as a moderator sees it. Holds the email address: never pass it to a public page. */
export type Comment = {
  id: number;
  articleSlug: string;
  parentId: number | null;
  name: string;
  email: string;
  website: string | null;
  body: string;
  status: CommentStatus;
  /** Why it got its first state, e.g. "new comment", "2 links", "honeypot". */
  statusReason: string;
  /** ISO 8601, UTC, millisecond precision. */
  createdAt: string;
  updatedAt: string;
  /** When a moderator last edited the text, if ever. */
  editedAt: string | null;
};

/** What a reader may see of an approved comment: no email, no moderation data. */
export type PublicComment = Pick<Comment, 'id' | 'articleSlug' | 'parentId' | 'name' | 'website' | 'body' | 'createdAt'>;

export type CommentThreadNode = {
  comment: PublicComment;
  /** 1 for a top-level comment, never more than MAX_DEPTH. */
  depth: number;
  /** The comment this one answers (shown as "in reply to NAME" where nesting stops); null at the top. */
  replyTo: { id: number; name: string } | null;
  /** Oldest first; always empty at MAX_DEPTH, whose replies follow it as siblings. */
  replies: CommentThreadNode[];
};

export type ApprovedPage = {
  articleSlug: string;
  page: number;
  threadsPerPage: number;
  /** At least 1, so page 1 of an article without comments exists. */
  totalPages: number;
  /** Top-level threads on all pages. */
  threadCount: number;
  /** Approved comments a reader can see on all pages ("N Comments"). */
  commentCount: number;
  /** Empty when `page` is past the last page. */
  threads: CommentThreadNode[];
};

/** A reader's comment as the schema parsed it. */
export type NewComment = CommentInput;

export type CreateMeta = {
  /** Same key, same comment: a retried submission is stored once (see `submissionKey`). */
  idempotencyKey: string;
  /**
   * The form this comment was sent with (`formKey` of its token's nonce): once
   * a comment from a sender (IP hash or email) is stored with it, another
   * comment from that sender with the same form is refused ('form-used').
   */
  formKey: string;
  /** Keyed hash of the sender's IP (`hashIp`); null when unknown, which skips the per-IP limit. */
  ipHash: string | null;
  status: InitialStatus;
  statusReason: string;
  now?: Date;
};

export type CreateResult =
  | { outcome: 'created'; comment: Comment }
  /** The same submission arrived before; nothing new was stored. */
  | { outcome: 'duplicate-submission'; comment: Comment }
  /** This sender already sent a different comment with this form. */
  | { outcome: 'form-used' }
  /** The same reader already posted the same text on this article. */
  | { outcome: 'duplicate-content' }
  /** Too soon after the previous comment from this IP or this email address. */
  | { outcome: 'flood'; limitedBy: 'ip' | 'email'; retryAfterSeconds: number }
  | { outcome: 'parent-not-found' }
  | { outcome: 'parent-not-approved' };

/** One comment per this many milliseconds per IP hash and per email address. */
export const FLOOD_INTERVAL_MS = 15_000;

export type StatusCounts = Record<CommentStatus, number>;

export type ListOptions = { limit?: number; offset?: number; articleSlug?: string };

export type StatusList = {
  /** Newest first. */
  comments: Comment[];
  /** Comments in this state (for the article, when given). */
  total: number;
  counts: StatusCounts;
};

export type ModerationChange = { id: number; articleSlug: string; from: CommentStatus; to: CommentStatus };

export type ModerationResult = {
  changed: ModerationChange[];
  /** Already in the target state, or nothing to restore. */
  unchanged: number[];
  notFound: number[];
  /** Articles whose public comments changed: revalidate these pages. */
  articleSlugs: string[];
};

export type EditResult = { outcome: 'edited'; comment: Comment; articleSlugs: string[] } | { outcome: 'not-found' };

export type EventAction = 'create' | ModerationAction | 'edit';

export type CommentEvent = {
  id: number;
  commentId: number;
  action: EventAction;
  from: CommentStatus | null;
  to: CommentStatus | null;
  actor: string;
  /** Free text: the spam reason at creation, the edited field names for an edit. Never an email. */
  note: string;
  at: string;
};

export type ExportedComment = Omit<Comment, 'statusReason'> & {
  ipHash: string | null;
  history: Array<Pick<CommentEvent, 'action' | 'from' | 'to' | 'at'>>;
};

export type CommentExport = { email: string; exportedAt: string; comments: ExportedComment[] };

export type EraseResult = {
  erased: number;
  /** Other readers' replies that now answer the erased comment's parent (or start a thread). */
  reparented: number;
  articleSlugs: string[];
};

export type HealthReport =
  | { ok: true; driver: 'sqlite' | 'postgres'; schemaVersion: number; latencyMs: number }
  /** `error` may be shown to anyone (/api/health); `file`, the path it concerns, is for the log only. */
  | { ok: false; driver: 'sqlite' | 'postgres'; error: string; file?: string };

export type MigrationReport = { applied: number[]; version: number };

/**
 * Where comments live. Two implementations (SQLite, PostgreSQL) pass the same
 * contract tests. Text comes in parsed (`parseCommentInput`, `parseCommentEdit`):
 * the store checks only its own arguments, and its outcomes (a duplicate, a
 * flood) are results, never exceptions; a store failure is a
 * `CommentStoreError` with a code.
 */
export interface CommentStore {
  readonly driver: 'sqlite' | 'postgres';
  /** Applies pending migrations (up to `to`, default all). Idempotent and safe when two processes start at once. */
  migrate(options?: { to?: number }): Promise<MigrationReport>;
  create(input: NewComment, meta: CreateMeta): Promise<CreateResult>;
  /** A page of approved threads in thread order: oldest first, ties by id. */
  listApproved(articleSlug: string, options?: { page?: number; threadsPerPage?: number }): Promise<ApprovedPage>;
  countApproved(articleSlug: string): Promise<number>;
  /** An approved, visible comment of this article (for "Reply to NAME"), or null. */
  getApprovedComment(articleSlug: string, id: number): Promise<PublicComment | null>;
  getComment(id: number): Promise<Comment | null>;
  listByStatus(status: CommentStatus, options?: ListOptions): Promise<StatusList>;
  moderate(ids: readonly number[], action: ModerationAction, actor: string, now?: Date): Promise<ModerationResult>;
  edit(id: number, edit: CommentEdit, actor: string, now?: Date): Promise<EditResult>;
  /** Oldest first. */
  getEvents(id: number): Promise<CommentEvent[]>;
  exportByEmail(email: string): Promise<CommentExport>;
  eraseByEmail(email: string): Promise<EraseResult>;
  /**
   * Moves every comment of the old slugs of a renamed article (`redirectFrom`)
   * to its slug, with their replies and history; idempotent.
   */
  moveArticleComments(from: readonly string[], to: string): Promise<{ moved: number }>;
  /** How many comments, in any state, each of these articles has; articles without any are left out. */
  countComments(articleSlugs: readonly string[]): Promise<Map<string, number>>;
  /** Every article slug that has comments, in any state, with how many: to find comments whose article is gone. */
  countCommentsByArticle(): Promise<Map<string, number>>;
  /**
   * Counts a moderator sign-in attempt from `ipHash` before its password is
   * checked, or refuses it when too many recent ones failed (lib/comments/access.ts).
   */
  beginSignIn(ipHash: string, now?: Date): Promise<SignInAttempt>;
  /** The attempt had the right password. */
  signInSucceeded(attemptId: number, ipHash: string, now?: Date): Promise<void>;
  /** Ends a moderator session (its id from the cookie) on every server until it would have expired. */
  revokeSession(sessionId: string, expiresAt: Date): Promise<void>;
  isSessionRevoked(sessionId: string): Promise<boolean>;
  /** Never throws. */
  health(): Promise<HealthReport>;
  close(): Promise<void>;
}

export type { CommentEdit };
export type { SignInAttempt } from '@/lib/comments/access';
