import { describe, expect, it } from 'vitest';

import { CommentStoreError, driverFacts, redactEmails } from '@/lib/comments/errors';

describe('CommentStoreError', () => {
  it('keeps email addresses out of its message and details', () => {
    const error = new CommentStoreError('conflict', 'Row for amina@example.com failed', {
      driverMessage: 'Failing row contains (1, Amina, Amina@Example.COM, hello)',
      id: 7,
    });
    expect(error.message).toBe('Row for [email] failed');
    expect(error.details).toEqual({ driverMessage: 'Failing row contains (1, Amina, [email], hello)', id: 7 });
    expect(JSON.stringify(error)).not.toMatch(/example\.com/i);
  });

  it("is recognised when thrown by another bundle's copy of the class", async () => {
    const original = new CommentStoreError('busy', 'database is locked');
    // A fresh module instance stands in for another bundle's copy of errors.ts.
    const { vi } = await import('vitest');
    vi.resetModules();
    const other = await import('@/lib/comments/errors');
    expect(other.CommentStoreError).not.toBe(CommentStoreError);
    expect(original instanceof other.CommentStoreError).toBe(false);
    expect(other.isCommentStoreError(original)).toBe(true);
    expect(other.isCommentStoreError(new Error('busy'))).toBe(false);
  });

  it('has a plain sentence for the reader and says when to try again', () => {
    expect(new CommentStoreError('busy', 'locked')).toMatchObject({
      readerMessage: 'The comment service is busy. Please try again in a moment.',
      retryable: true,
    });
    expect(new CommentStoreError('invalid', 'bad').retryable).toBe(false);
  });

  it('keeps only the code and first line of a driver error', () => {
    const driver = Object.assign(new Error('duplicate key for x@example.com\nDETAIL: Key (email)=(x@example.com)'), { code: '23505' });
    expect(driverFacts(driver)).toEqual({ driverCode: '23505', driverMessage: 'duplicate key for [email]' });
    expect(redactEmails('no address here')).toBe('no address here');
  });
});
