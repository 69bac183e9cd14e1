import { expect, test } from '@playwright/test';

import { ArticlePage } from './pages/article-page';
import { LONG_ARTICLE } from './pages/site';

// The article's canonical address, printed at its foot.
const ADDRESS = new RegExp(`^https?://[^/\\s]+/articles/${LONG_ARTICLE}$`);

// Pages in a PDF: one `/Type /Page` object each (the tree's root is `/Pages`).
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

test.describe('an article on paper', () => {
  test('prints its headline, dateline, byline, date, body and address, without the site around it', async ({ page }) => {
    const article = new ArticlePage(page);
    await article.goto(LONG_ARTICLE);
    await page.emulateMedia({ media: 'print' });

    await expect(article.headline).toBeVisible();
    await expect(article.article.locator('header time').first()).toBeVisible();
    await expect(article.article.getByText(/^By /)).toBeVisible();
    await expect(page.locator('.prose-article p').first()).toBeVisible();
    await expect(article.article.getByText(ADDRESS)).toBeVisible();

    // Nothing a reader cannot use on paper.
    await expect(page.locator('body > header')).toBeHidden();
    await expect(page.locator('footer').last()).toBeHidden();
    await expect(article.breadcrumb).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'More articles' })).toBeHidden();
    await expect(page.locator('#comments')).toBeHidden();
    await expect(page.getByRole('form')).toHaveCount(0);
    await expect(page.locator('form').first()).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Related articles' })).toBeHidden();
    await expect(page.locator('.back-to-top')).toBeHidden();
  });

  test('prints the lead picture with its caption', async ({ page }) => {
    const article = new ArticlePage(page);
    await article.goto('salang-pass-winter-maintenance');
    await page.emulateMedia({ media: 'print' });
    const figure = article.article.locator('figure').first();
    await expect(figure.getByRole('img')).toBeVisible();
    await expect(figure.locator('figcaption')).toContainText('The Salang route climbs through the Hindu Kush');
  });

  test('the address is for paper only: on screen it is not repeated under the article', async ({ page }) => {
    const article = new ArticlePage(page);
    await article.goto(LONG_ARTICLE);
    await expect(article.article.getByText(ADDRESS)).toBeHidden();
  });

  test('the longest sample article fits on a few A4 pages', async ({ page }) => {
    await new ArticlePage(page).goto(LONG_ARTICLE);
    const pages = pdfPageCount(await page.pdf({ format: 'A4' }));
    test.info().annotations.push({ type: 'A4 pages', description: String(pages) });
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(5);
  });
});
