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

/**
 * When asking again may help:
 * - `now`: another change held the database (`busy`, `conflict`); the same request may succeed at once.
 * - `soon`: the database is out of reach (`unavailable`); the same request may succeed once it is back.
 * - `later`: the deployment is missing a setting (`config`); sending the request again changes
 *   nothing, but a reader who comes back once it is fixed succeeds: it is not their mistake.
 * - `never`: a missing comment or a caller's bug (`not-found`, `invalid`), and any error that is
 *   not a `CommentStoreError`.
 */
export type RetryPolicy = 'now' | 'soon' | 'later' | 'never';

// Each code's retry policy and reader sentence; every caller asks the error, never the code.
const POLICIES: Record<CommentStoreErrorCode, { retry: RetryPolicy; readerMessage: string }> = {
  busy: { retry: 'now', readerMessage: 'The comment service is busy. Please try again in a moment.' },
  unavailable: { retry: 'soon', readerMessage: 'Comments are unavailable right now. Please try again later.' },
  'not-found': { retry: 'never', readerMessage: 'That comment could not be found.' },
  invalid: { retry: 'never', readerMessage: 'That request could not be processed.' },
  conflict: { retry: 'now', readerMessage: 'Someone else changed this comment at the same time. Please try again.' },
  config: { retry: 'later', readerMessage: 'Comments are unavailable right now. Please try again later.' },
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
    return POLICIES[this.code].readerMessage;
  }

  get retry(): RetryPolicy {
    return POLICIES[this.code].retry;
  }

  /** The message and the file it concerns, if any: for the log, never an answer (a path tells an attacker the layout). */
  get logMessage(): string {
    const file = this.details.file;
    return typeof file === 'string' ? `${this.message} (${file})` : this.message;
  }

  /** True when the same request may succeed if sent again (the caller answers 503). */
  get retryable(): boolean {
    return this.retry === 'now' || this.retry === 'soon';
  }
}

export function isCommentStoreError(error: unknown): error is CommentStoreError {
  return error instanceof CommentStoreError || (error instanceof Error && BRAND in error);
}

/** The retry policy of anything a store call threw. */
export function retryPolicy(error: unknown): RetryPolicy {
  return isCommentStoreError(error) ? POLICIES[error.code].retry : 'never';
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
