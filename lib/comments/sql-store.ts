import 'server-only';

import { beginSignInOp, isSessionRevokedOp, revokeSessionOp, signInSucceededOp } from '@/lib/comments/access';
import { CommentStoreError } from '@/lib/comments/errors';
import {
  countAllOp,
  countApprovedOp,
  countByArticleOp,
  exportOp,
  getApprovedCommentOp,
  getCommentOp,
  getEventsOp,
  listApprovedOp,
  listByStatusOp,
} from '@/lib/comments/reads';
import type { Dialect, Op, Rollback } from '@/lib/comments/sql';
import {
  COMMENT_STATUSES,
  MODERATION_ACTIONS,
  THREADS_PER_PAGE,
  type CommentEdit,
  type CommentStatus,
  type CommentStore,
  type CreateMeta,
  type EditResult,
  type HealthReport,
  type MigrationReport,
  type ModerationAction,
  type NewComment,
} from '@/lib/comments/store';
import { createOp, editOp, eraseOp, moderateOp, moveArticleCommentsOp, pruneFloodOp } from '@/lib/comments/writes';

/** What a database adds to the shared store logic. */
export interface Runner {
  readonly dialect: Dialect;
  /** Runs a read-only operation on one consistent snapshot. */
  read<T>(op: () => Op<T>): Promise<T>;
  /** Runs an operation in one write transaction; a returned `Rollback` undoes its writes. */
  write<T>(op: () => Op<T | Rollback<T>>): Promise<T>;
  migrate(to?: number): Promise<MigrationReport>;
  health(): Promise<HealthReport>;
  close(): Promise<void>;
}

function invalid(what: string): never {
  throw new CommentStoreError('invalid', `Invalid argument: ${what}.`, { argument: what });
}

function positiveInt(value: unknown, what: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > max) invalid(what);
  return value;
}

function actorName(value: unknown): string {
  const actor = typeof value === 'string' ? value.trim() : '';
  if (actor === '' || actor.length > 100 || /[\u0000-\u001F\u007F-\u009F]/.test(actor)) invalid('actor');
  return actor;
}

function date(value: unknown): Date {
  if (value === undefined) return new Date();
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) invalid('now');
  return value;
}

// Stale flood rows are cleared now and then, outside the reader's transaction.
const PRUNE_EVERY = 100;

function isSlugArg(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value.length <= 200;
}

export class SqlCommentStore implements CommentStore {
  readonly driver: Dialect;
  #creates = 0;

  constructor(private readonly runner: Runner) {
    this.driver = runner.dialect;
  }

  async migrate(options: { to?: number } = {}): Promise<MigrationReport> {
    if (options.to !== undefined) positiveInt(options.to, 'to');
    return this.runner.migrate(options.to);
  }

  async create(input: NewComment, meta: CreateMeta) {
    if (typeof meta.idempotencyKey !== 'string' || meta.idempotencyKey === '' || meta.idempotencyKey.length > 200) {
      invalid('idempotencyKey');
    }
    if (typeof meta.formKey !== 'string' || meta.formKey === '' || meta.formKey.length > 200) invalid('formKey');
    if (meta.ipHash !== null && (typeof meta.ipHash !== 'string' || meta.ipHash.length > 200)) invalid('ipHash');
    if (meta.status !== 'held' && meta.status !== 'spam') invalid('status');
    const checked: CreateMeta = { ...meta, statusReason: String(meta.statusReason ?? '').slice(0, 500), now: date(meta.now) };
    const result = await this.runner.write(() => createOp(this.driver, input, checked));
    if (result.outcome === 'created' && ++this.#creates % PRUNE_EVERY === 0) {
      await this.runner.write(() => pruneFloodOp(this.driver, checked.now ?? new Date())).catch(() => undefined);
    }
    return result;
  }

  async listApproved(articleSlug: string, options: { page?: number; threadsPerPage?: number } = {}) {
    const page = positiveInt(options.page ?? 1, 'page');
    const perPage = positiveInt(options.threadsPerPage ?? THREADS_PER_PAGE, 'threadsPerPage', 500);
    return this.runner.read(() => listApprovedOp(articleSlug, page, perPage));
  }

  async countApproved(articleSlug: string) {
    return this.runner.read(() => countApprovedOp(articleSlug));
  }

  async getApprovedComment(articleSlug: string, id: number) {
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) return Promise.resolve(null);
    return this.runner.read(() => getApprovedCommentOp(articleSlug, id));
  }

  async getComment(id: number) {
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) return Promise.resolve(null);
    return this.runner.read(() => getCommentOp(id));
  }

  async listByStatus(status: CommentStatus, options: { limit?: number; offset?: number; articleSlug?: string } = {}) {
    if (!COMMENT_STATUSES.includes(status)) invalid('status');
    const limit = positiveInt(options.limit ?? 50, 'limit', 500);
    const offset = options.offset ?? 0;
    if (!Number.isSafeInteger(offset) || offset < 0) invalid('offset');
    return this.runner.read(() => listByStatusOp(status, limit, offset, options.articleSlug));
  }

  async moderate(ids: readonly number[], action: ModerationAction, actor: string, now?: Date) {
    if (!Array.isArray(ids) || ids.length > 10_000) invalid('ids');
    ids.forEach((id) => positiveInt(id, 'ids'));
    if (!MODERATION_ACTIONS.includes(action)) invalid('action');
    const who = actorName(actor);
    const at = date(now);
    return this.runner.write(() => moderateOp(this.driver, ids, action, who, at));
  }

  async edit(id: number, edit: CommentEdit, actor: string, now?: Date): Promise<EditResult> {
    positiveInt(id, 'id');
    const who = actorName(actor);
    const at = date(now);
    const result = await this.runner.write(() => editOp(this.driver, id, edit, who, at));
    return result ? { outcome: 'edited', ...result } : { outcome: 'not-found' };
  }

  async getEvents(id: number) {
    positiveInt(id, 'id');
    return this.runner.read(() => getEventsOp(id));
  }

  async exportByEmail(email: string) {
    if (typeof email !== 'string' || email.trim() === '') invalid('email');
    return this.runner.read(() => exportOp(email, new Date()));
  }

  async moveArticleComments(from: readonly string[], to: string) {
    const slugs = [...from].filter((slug) => slug !== to);
    if (!slugs.every(isSlugArg) || !isSlugArg(to)) invalid('articleSlug');
    if (slugs.length === 0) return { moved: 0 };
    return { moved: await this.runner.write(() => moveArticleCommentsOp(slugs, to)) };
  }

  async countComments(articleSlugs: readonly string[]) {
    if (!articleSlugs.every(isSlugArg)) invalid('articleSlug');
    if (articleSlugs.length === 0) return new Map<string, number>();
    return this.runner.read(() => countAllOp(articleSlugs));
  }

  async countCommentsByArticle() {
    return this.runner.read(() => countByArticleOp());
  }

  async eraseByEmail(email: string) {
    if (typeof email !== 'string' || email.trim() === '') invalid('email');
    return this.runner.write(() => eraseOp(this.driver, email));
  }

  async beginSignIn(ipHash: string, now?: Date) {
    if (typeof ipHash !== 'string' || ipHash === '' || ipHash.length > 200) invalid('ipHash');
    const when = date(now);
    return this.runner.write(() => beginSignInOp(this.driver, ipHash, when));
  }

  async signInSucceeded(attemptId: number, ipHash: string, now?: Date) {
    positiveInt(attemptId, 'attemptId');
    if (typeof ipHash !== 'string' || ipHash === '' || ipHash.length > 200) invalid('ipHash');
    const when = date(now);
    await this.runner.write(() => signInSucceededOp(attemptId, ipHash, when));
  }

  async revokeSession(sessionId: string, expiresAt: Date) {
    if (typeof sessionId !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(sessionId)) invalid('sessionId');
    const until = date(expiresAt);
    await this.runner.write(() => revokeSessionOp(sessionId, until));
  }

  async isSessionRevoked(sessionId: string) {
    if (typeof sessionId !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(sessionId)) invalid('sessionId');
    return this.runner.read(() => isSessionRevokedOp(sessionId));
  }

  health(): Promise<HealthReport> {
    return this.runner.health();
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}
