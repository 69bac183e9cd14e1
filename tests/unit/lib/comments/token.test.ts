import { describe, expect, it } from 'vitest';

import { tokenProblemMessage } from '@/lib/comments/form';
import { commentConfigProblems } from '@/lib/comments/secret';
import { issueCommentToken, submissionKey, TOKEN_MAX_AGE_MS, TOKEN_MIN_AGE_MS, verifyCommentToken } from '@/lib/comments/token';
import { messagesFor } from '@/lib/i18n';

const secret = 'test-secret-that-is-long-enough-for-the-rule-0123456789';
const issuedAt = Date.UTC(2026, 10, 2, 9, 0);
const options = (now: number) => ({ secret, now });

describe('comment form token', () => {
  const token = issueCommentToken('budget-vote', options(issuedAt));

  it('is accepted after the minimum fill time and before the maximum age, and carries a nonce', () => {
    const check = verifyCommentToken(token, 'budget-vote', options(issuedAt + TOKEN_MIN_AGE_MS));
    expect(check).toEqual({ ok: true, nonce: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), issuedAt });
    expect(verifyCommentToken(token, 'budget-vote', options(issuedAt + TOKEN_MAX_AGE_MS)).ok).toBe(true);
  });

  it('refuses a form sent faster than a person fills it', () => {
    expect(verifyCommentToken(token, 'budget-vote', options(issuedAt + TOKEN_MIN_AGE_MS - 1))).toEqual({ ok: false, reason: 'too-fast' });
    expect(TOKEN_MIN_AGE_MS).toBe(3_000);
  });

  it('refuses a form older than the maximum age', () => {
    expect(verifyCommentToken(token, 'budget-vote', options(issuedAt + TOKEN_MAX_AGE_MS + 1))).toEqual({ ok: false, reason: 'expired' });
    expect(TOKEN_MAX_AGE_MS).toBe(6 * 3_600_000);
  });

  it('is bound to its article and its secret', () => {
    const later = issuedAt + 10_000;
    expect(verifyCommentToken(token, 'other-story', options(later))).toEqual({ ok: false, reason: 'forged' });
    expect(verifyCommentToken(token, 'budget-vote', { secret: `${secret}x`, now: later })).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuses any change to its parts', () => {
    const later = issuedAt + 10_000;
    const [version, time, nonce, mac] = token.split('.') as [string, string, string, string];
    const earlier = (issuedAt - 60_000).toString(36);
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    expect(verifyCommentToken([version, earlier, nonce, mac].join('.'), 'budget-vote', options(later)).ok).toBe(false);
    expect(verifyCommentToken([version, time, flip(nonce), mac].join('.'), 'budget-vote', options(later)).ok).toBe(false);
    expect(verifyCommentToken([version, time, nonce, flip(mac)].join('.'), 'budget-vote', options(later)).ok).toBe(false);
  });

  it('tells missing from malformed', () => {
    expect(verifyCommentToken(undefined, 'budget-vote', options(issuedAt))).toEqual({ ok: false, reason: 'missing' });
    expect(verifyCommentToken('', 'budget-vote', options(issuedAt))).toEqual({ ok: false, reason: 'missing' });
    for (const bad of [
      'x',
      'v1.a.b.c',
      `${token}.extra`,
      token.replace('v1', 'v2'),
      'v1.zzzzzzzzzzzz.' + 'a'.repeat(22) + '.' + 'b'.repeat(43),
    ]) {
      expect(verifyCommentToken(bad, 'budget-vote', options(issuedAt + 10_000)).ok).toBe(false);
    }
  });

  it('gives every token a fresh nonce', () => {
    const nonces = new Set(
      Array.from({ length: 100 }, () => {
        const check = verifyCommentToken(issueCommentToken('a', options(issuedAt)), 'a', options(issuedAt + 5_000));
        return check.ok ? check.nonce : '';
      }),
    );
    expect(nonces.size).toBe(100);
  });

  it('has a plain message for each refusal', () => {
    for (const reason of ['missing', 'malformed', 'forged', 'too-fast', 'expired'] as const) {
      expect(tokenProblemMessage(reason, messagesFor('en', 'en').commentForm)).toMatch(/^[A-Z].*\.$/);
    }
  });
});

describe('submissionKey', () => {
  const base = { articleSlug: 'budget-vote', parentId: null, email: 'a@example.com', body: 'Hello' };

  it('is the same for a retried submission, whatever the case of the email', () => {
    expect(submissionKey('nonce', base)).toBe(submissionKey('nonce', { ...base, email: 'A@Example.com' }));
  });

  it('differs for another reader or another text with the same (cached) token', () => {
    const key = submissionKey('nonce', base);
    expect(submissionKey('nonce', { ...base, email: 'b@example.com' })).not.toBe(key);
    expect(submissionKey('nonce', { ...base, body: 'Hello again' })).not.toBe(key);
    expect(submissionKey('nonce', { ...base, parentId: 4 })).not.toBe(key);
    expect(submissionKey('other', base)).not.toBe(key);
  });
});

describe('COMMENT_SECRET', () => {
  it('is required in production when servers share PostgreSQL, and must be long enough', () => {
    expect(commentConfigProblems({ secret: undefined, isProduction: true, sharedDatabase: true })).toEqual([
      expect.stringMatching(
        /^COMMENT_SECRET is not set; app servers sharing DATABASE_URL must use the same one\. Set COMMENT_SECRET to a random string of at least 32 characters/,
      ),
    ]);
    expect(commentConfigProblems({ secret: 'short', isProduction: false, sharedDatabase: false })).toEqual([
      expect.stringMatching(/^COMMENT_SECRET is too short \(5 characters\)/),
    ]);
    expect(commentConfigProblems({ secret: undefined, isProduction: false, sharedDatabase: true })).toEqual([]);
    // A single server on SQLite generates and keeps its own.
    expect(commentConfigProblems({ secret: undefined, isProduction: true, sharedDatabase: false })).toEqual([]);
    expect(commentConfigProblems({ secret, isProduction: true, sharedDatabase: true })).toEqual([]);
  });

  it('falls back to a per-process secret outside production', () => {
    const token = issueCommentToken('budget-vote', { now: issuedAt });
    expect(verifyCommentToken(token, 'budget-vote', { now: issuedAt + 5_000 }).ok).toBe(true);
  });
});
