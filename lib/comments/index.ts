import 'server-only';

import fs from 'node:fs';
import path from 'node:path';

import { CommentStoreError, driverFacts, isCommentStoreError } from '@/lib/comments/errors';
import type { CommentStore } from '@/lib/comments/store';
import { env } from '@/lib/env';

// The entry of lib/comments: pages, actions, routes and scripts import from
// here, never the modules behind it. Client Components import the form's
// contract from `@/lib/comments/form`, which this re-exports for the server.

export * from '@/lib/comments/store';
export { CommentStoreError, isCommentStoreError, retryPolicy } from '@/lib/comments/errors';
export type { CommentStoreErrorCode, RetryPolicy } from '@/lib/comments/errors';
export {
  COMMENT_FORM_FIELDS,
  COMMENT_FORM_LIMITS,
  commentFormWords,
  EMPTY_COMMENT_FORM_VALUES,
  fieldMessages,
  FORM_FIELD,
  commentFormValues,
  initialCommentFormState,
  tokenProblemMessage,
} from '@/lib/comments/form';
export type {
  CommentFormAction,
  CommentFormField,
  CommentFormLimits,
  CommentFormState,
  CommentFormStatus,
  CommentFormText,
  CommentFormWords,
  CommentFormValues,
  TokenProblem,
} from '@/lib/comments/form';
export {
  COMMENT_FIELDS,
  COMMENT_LIMITS,
  CommentEditSchema,
  CommentInputSchema,
  EDITABLE_FIELDS,
  parseCommentEdit,
  parseCommentInput,
} from '@/lib/comments/schema';
export type {
  CommentEdit,
  CommentField,
  CommentInput,
  CommentLanguage,
  EditableField,
  FieldErrors,
  ParseResult,
} from '@/lib/comments/schema';
export { commentPagesToRevalidate } from '@/lib/comments/revalidation';
export { SIGN_IN_LIMITS, SIGN_IN_WINDOW_MS } from '@/lib/comments/access';
export { assertCommentConfig, commentConfigProblems, deriveKey, getCommentSecret } from '@/lib/comments/secret';
export { assessComment, getBlocklist } from '@/lib/comments/spam';
export type { SpamVerdict } from '@/lib/comments/spam';
export { TOKEN_MAX_AGE_MS, TOKEN_MIN_AGE_MS, formKey, issueCommentToken, submissionKey, verifyCommentToken } from '@/lib/comments/token';
export type { TokenCheck } from '@/lib/comments/token';
export { hashIp } from '@/lib/comments/ip';

/** Opens the configured store: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export async function openCommentStore(): Promise<CommentStore> {
  if (env.databaseUrl) {
    const { createPostgresCommentStore } = await import('@/lib/comments/postgres');
    return createPostgresCommentStore({ connectionString: env.databaseUrl });
  }
  const { createSqliteCommentStore } = await import('@/lib/comments/sqlite');
  return createSqliteCommentStore({ filename: path.resolve(env.commentsSqlitePath) });
}

// Kept on globalThis so that reloading this module in development does not
// open a second database handle or pool.
const cache = globalThis as typeof globalThis & { __datelineCommentStore?: Promise<CommentStore> };

/**
 * The store of this process, migrated to the latest schema on first use. A
 * failed start is not remembered: the next call tries again.
 */
export function getCommentStore(): Promise<CommentStore> {
  cache.__datelineCommentStore ??= (async () => {
    const store = await openCommentStore();
    try {
      await store.migrate();
      return store;
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
  })().catch((error: unknown) => {
    cache.__datelineCommentStore = undefined;
    throw error instanceof CommentStoreError
      ? error
      : new CommentStoreError('unavailable', 'The comment store could not be opened.', driverFacts(error));
  });
  return cache.__datelineCommentStore;
}

/**
 * Whether there is a store to ask: PostgreSQL is configured, or the SQLite
 * file exists. A check that only reads (the content check) asks this first,
 * so it never creates a database.
 */
export function commentStoreExists(): boolean {
  return env.databaseUrl !== undefined || fs.existsSync(path.resolve(env.commentsSqlitePath));
}

/** Closes the store of this process (tests, the CLI, a graceful shutdown). */
export async function closeCommentStore(): Promise<void> {
  const pending = cache.__datelineCommentStore;
  cache.__datelineCommentStore = undefined;
  if (pending) await (await pending.catch(() => null))?.close();
}

/**
 * Logs, once at start, why the comment store cannot take comments (an
 * unreachable server, a file that cannot be written, a schema behind), so
 * an operator learns it before a reader does. Never throws: the site still
 * serves its pages, and /api/health answers 503 with the same reason.
 */
export async function checkCommentStoreAtStart(): Promise<void> {
  try {
    const health = await (await getCommentStore()).health();
    if (!health.ok) logStartProblem(health.error, health.file);
  } catch (error) {
    if (isCommentStoreError(error)) logStartProblem(error.message, error.details.file);
    else logStartProblem(error instanceof Error ? error.message : String(error));
  }
}

function logStartProblem(reason: string, file?: unknown): void {
  const where = typeof file === 'string' ? ` (${file})` : '';
  console.error(`Comment store: ${reason.replace(/\.$/, '')}${where}. Comments are refused ("try again") until this is fixed.`);
}
