import { expect, test } from '@playwright/test';

import { horizontalOverflow, LONG_ARTICLE, RTL_ARTICLE, TABLE_ARTICLE } from './pages/site';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

for (const url of [
  '/',
  `/articles/${TABLE_ARTICLE}`,
  `/articles/${RTL_ARTICLE}`,
  `/articles/${LONG_ARTICLE}`,
  '/category/pakistan',
  '/author/desk-kabul',
]) {
  test(`${url} fits a 360 px wide phone without horizontal scrolling`, async ({ page }) => {
    await page.goto(url);
    expect(await horizontalOverflow(page)).toBe(0);
    await expect(page.getByRole('heading', { level: 1 })).toBeInViewport({ ratio: 0.5 });
  });
}
