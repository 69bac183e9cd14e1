import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';

import { proxy } from '@/proxy';

const post = (path: string, bytes: number) =>
  new NextRequest(`http://127.0.0.1:3000${path}`, {
    method: 'POST',
    headers: {
      'content-length': String(bytes),
      'content-type': 'application/json',
      origin: 'http://127.0.0.1:3000',
      host: '127.0.0.1:3000',
    },
  });

describe('the proxy and oversized posts', () => {
  it('answers an oversized API call with the API’s own JSON error, not the comment page', async () => {
    const answer = proxy(post('/api/revalidate', 5 * 1024 * 1024));
    expect(answer?.status).toBe(413);
    expect(answer?.headers.get('content-type')).toContain('application/json');
    expect(await answer?.json()).toEqual({ error: 'The request body is too large: at most 1 MB.' });
  });

  it('answers an oversized comment with the readable page, and lets a normal call through', async () => {
    const page = proxy(post('/articles/salang-pass-winter-maintenance', 5 * 1024 * 1024));
    expect(page?.status).toBe(413);
    expect(await page?.text()).toContain('Your comment is too long');
    expect(proxy(post('/api/revalidate', 200))).toBeUndefined();
  });
});
