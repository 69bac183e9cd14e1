import { expect, test } from '@playwright/test';

import { DRAFT_ARTICLE, SCHEDULED_ARTICLE } from './pages/site';

const missing = [
  '/articles/no-such-article',
  `/articles/${DRAFT_ARTICLE}`,
  `/articles/${SCHEDULED_ARTICLE}`,
  '/category/no-such-section',
  '/tag/no-such-tag',
  '/author/nobody',
  '/page/1',
  '/page/99',
  '/category/politics/page/99',
  '/no/such/path',
];

for (const url of missing) {
  test(`${url} answers a real 404 page`, async ({ page }) => {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/couldn.t find/i);
    await expect(page.getByRole('link', { name: /front page/i })).toHaveAttribute('href', '/');
  });
}
