import { expect, test } from '@playwright/test';

import { ArticlePage } from './pages/article-page';
import { LONG_ARTICLE } from './pages/site';

test('appears after a screen of scrolling and brings the reader and focus back to the top', async ({ page }) => {
  const article = new ArticlePage(page);
  await article.goto(LONG_ARTICLE);
  await expect(article.backToTop).toBeHidden();

  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(article.backToTop).toBeVisible();

  await article.backToTop.click();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.locator('#top')).toBeFocused();
});

test('scrolls instantly when the reader prefers reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const article = new ArticlePage(page);
  await article.goto(LONG_ARTICLE);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await article.backToTop.click();
  // No smooth animation: the very next frame is already at the top.
  expect(await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(window.scrollY))))).toBe(0);
  await expect(page.locator('#top')).toBeFocused();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('is a plain link to #top', async ({ page }) => {
    const article = new ArticlePage(page);
    await article.goto(LONG_ARTICLE);
    await expect(article.backToTop).toHaveAttribute('href', '#top');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await article.backToTop.click();
    await expect(page).toHaveURL(/#top$/);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  });
});
