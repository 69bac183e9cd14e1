import 'server-only';

/**
 * - `busy`: the database stayed locked past the busy timeout; the request may be retried (answer 503).
 * - `unavailable`: the database cannot be reached or opened (answer 503).
 * - `not-found`: the comment does not exist.
 * - `invalid`: the caller passed something the store refuses (a bug in the caller, not a reader's mistake).
 * - `conflict`: a concurrent change won; retrying may succeed.
 * - `config`: the deployment is missing a setting (named in the message).
 */
export type CommentStoreErrorCode = 'busy' | 'unavailable' | 'not-found' | 'invalid' | 'conflict' | 'config';

/** Facts for the log. Never an email address, a comment text or a raw IP. */
export type CommentStoreErrorDetails = Record<string, string | number | boolean | null>;

const READER_MESSAGES: Record<CommentStoreErrorCode, string> = {
  busy: 'The comment service is busy. Please try again in a moment.',
  unavailable: 'Comments are unavailable right now. Please try again later.',
  'not-found': 'That comment could not be found.',
  invalid: 'That request could not be processed.',
  conflict: 'Someone else changed this comment at the same time. Please try again.',
  config: 'Comments are unavailable right now. Please try again later.',
};

// Pages, route handlers and actions are separate bundles, each with its own
// copy of this class, while the store they share is opened by whichever came
// first: `instanceof` alone misses errors thrown by another bundle's copy.
const BRAND = Symbol.for('dateline.CommentStoreError');

export class CommentStoreError extends Error {
  readonly [BRAND] = true;
  readonly code: CommentStoreErrorCode;
  readonly details: CommentStoreErrorDetails;

  constructor(code: CommentStoreErrorCode, message: string, details: CommentStoreErrorDetails = {}) {
    super(redactEmails(message));
    this.name = 'CommentStoreError';
    this.code = code;
    this.details = Object.fromEntries(
      Object.entries(details).map(([key, value]) => [key, typeof value === 'string' ? redactEmails(value) : value]),
    );
  }

  /** A plain sentence that may be shown to a reader or a moderator. */
  get readerMessage(): string {
    return READER_MESSAGES[this.code];
  }

  /** True when the same request may succeed if sent again (the caller answers 503). */
  get retryable(): boolean {
    return this.code === 'busy' || this.code === 'unavailable' || this.code === 'conflict';
  }
}

export function isCommentStoreError(error: unknown): error is CommentStoreError {
  return error instanceof CommentStoreError || (error instanceof Error && BRAND in error);
}

const EMAIL_LIKE = /[^\s@()<>"',;:]+@[^\s@()<>"',;:]+/gu;

/** Driver messages can quote row values (PostgreSQL's "Failing row contains (…)"); keep addresses out of logs. */
export function redactEmails(text: string): string {
  return text.replace(EMAIL_LIKE, '[email]');
}

/**
 * A driver error as facts safe to log: its code and first line, never the
 * driver's `detail` (which may quote a whole row) nor the error object itself.
 */
export function driverFacts(error: unknown): CommentStoreErrorDetails {
  if (!(error instanceof Error)) return { driverError: String(error).slice(0, 200) };
  const code = (error as { code?: unknown }).code;
  return {
    driverCode: typeof code === 'string' ? code : null,
    driverMessage: redactEmails(error.message.split('\n')[0] ?? '').slice(0, 300),
  };
}
