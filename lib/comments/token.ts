import 'server-only';

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import type { TokenProblem } from '@/lib/comments/form';
import { deriveKey, getCommentSecret } from '@/lib/comments/secret';
import { normaliseEmail, sha256Hex } from '@/lib/comments/text';

/** A form filled faster than this was filled by a program. */
export const TOKEN_MIN_AGE_MS = 3_000;
/** Older forms are refused, so a harvested token is useful for hours, not forever. */
export const TOKEN_MAX_AGE_MS = 6 * 60 * 60 * 1_000;

const VERSION = 'v1';
const NONCE_BYTES = 16;
const MAC_BYTES = 32;

export type TokenOptions = {
  /** Milliseconds since the epoch; defaults to the clock. */
  now?: number;
  /** Defaults to the deployment's COMMENT_SECRET. */
  secret?: Buffer | string;
};

export type TokenCheck = { ok: true; nonce: string; issuedAt: number } | { ok: false; reason: TokenProblem };

function mac(secret: Buffer | string, articleSlug: string, issuedAt: number, nonce: string): Buffer {
  return createHmac('sha256', deriveKey(secret, 'form-token')).update(`${VERSION}\n${articleSlug}\n${issuedAt}\n${nonce}`).digest();
}

/**
 * A signed token for the comment form of one article:
 * `v1.<issued at, base 36 ms>.<random nonce>.<HMAC-SHA256>`. It proves the
 * form came from this site, when it was issued, and carries the nonce that
 * makes a retried submission idempotent.
 */
export function issueCommentToken(articleSlug: string, options: TokenOptions = {}): string {
  const issuedAt = Math.floor(options.now ?? Date.now());
  const nonce = randomBytes(NONCE_BYTES).toString('base64url');
  const signature = mac(options.secret ?? getCommentSecret(), articleSlug, issuedAt, nonce);
  return `${VERSION}.${issuedAt.toString(36)}.${nonce}.${signature.toString('base64url')}`;
}

const TOKEN_SHAPE = /^v1\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** Checks signature (in constant time), article, minimum fill time and maximum age. Never throws. */
export function verifyCommentToken(token: unknown, articleSlug: string, options: TokenOptions = {}): TokenCheck {
  if (typeof token !== 'string' || token === '') return { ok: false, reason: 'missing' };
  const match = TOKEN_SHAPE.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, issuedText = '', nonce = '', signatureText = ''] = match;
  const issuedAt = Number.parseInt(issuedText, 36);
  const given = Buffer.from(signatureText, 'base64url');
  if (!Number.isSafeInteger(issuedAt) || given.length !== MAC_BYTES) return { ok: false, reason: 'malformed' };
  const expected = mac(options.secret ?? getCommentSecret(), articleSlug, issuedAt, nonce);
  if (!timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  const age = (options.now ?? Date.now()) - issuedAt;
  if (age < TOKEN_MIN_AGE_MS) return { ok: false, reason: 'too-fast' };
  if (age > TOKEN_MAX_AGE_MS) return { ok: false, reason: 'expired' };
  return { ok: true, nonce, issuedAt };
}

/** The form a token belongs to, as the store keeps it (`CreateMeta.formKey`): a hash, never the nonce itself. */
export function formKey(nonce: string): string {
  return sha256Hex('form', nonce);
}

/**
 * The idempotency key of one submission: the token's nonce together with what
 * was submitted. A cached article page hands the same token to many readers,
 * so the nonce alone would make a second reader's comment look like a retry
 * of the first; a true retry repeats the same fields and gets the same key.
 */
export function submissionKey(nonce: string, input: { articleSlug: string; parentId: number | null; email: string; body: string }): string {
  return sha256Hex('submission', nonce, input.articleSlug, String(input.parentId ?? ''), normaliseEmail(input.email), input.body);
}
