import { describe, expect, it } from 'vitest';

import { isRevalidatablePath } from '@/lib/publishing';

describe('paths /api/revalidate accepts', () => {
  it('are site-relative paths without dot segments, queries or hosts', () => {
    for (const good of ['/', '/articles/budget', '/tag/%D8%AD%D9%82%D9%88%D9%82', '/category/politics/page/2']) {
      expect(isRevalidatablePath(good)).toBe(true);
    }
    for (const bad of ['', 'articles/x', '//evil.example', '/a/../b', '/a?b=c', 'https://x.example/', '/a\n', 42]) {
      expect(isRevalidatablePath(bad)).toBe(false);
    }
  });
});
