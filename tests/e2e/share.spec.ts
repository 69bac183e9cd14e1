import { expect, test } from '@playwright/test';

import { ArticlePage } from './pages/article-page';
import { LONG_ARTICLE, RTL_ARTICLE } from './pages/site';

const NETWORKS = ['X', 'Facebook', 'WhatsApp', 'Telegram'];

async function canonical(page: import('@playwright/test').Page): Promise<string> {
  return (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
}

test.describe('share links', () => {
  test('each network is a plain link with the canonical address and headline, and no script of theirs', async ({ page, baseURL }) => {
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(new URL(baseURL!).origin)) outside.push(request.url());
    });
    const article = new ArticlePage(page);
    await article.goto(LONG_ARTICLE);
    const url = await canonical(page);
    const headline = (await article.headline.textContent())!.trim();

    for (const network of NETWORKS) {
      const link = article.article.getByRole('link', { name: `Share on ${network}`, exact: true });
      const href = new URL((await link.getAttribute('href'))!);
      expect([...href.searchParams.values()].join(' ')).toContain(url);
      await expect(link).toHaveAttribute('rel', /noopener/);
      if (network !== 'Facebook') expect([...href.searchParams.values()].join(' ')).toContain(headline);
    }
    const email = new URL((await article.article.getByRole('link', { name: 'Email', exact: true }).getAttribute('href'))!);
    expect(email.protocol).toBe('mailto:');
    expect(email.searchParams.get('subject')).toBe(headline);
    expect(email.searchParams.get('body')).toBe(url);
    await expect(article.article.getByRole('link', { name: 'Copy link' })).toHaveAttribute('href', url);
    expect(outside.filter((address) => !address.startsWith('data:'))).toEqual([]);
  });

  test('copy link copies the address and says so', async ({ browser }) => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const article = new ArticlePage(page);
    await article.goto(LONG_ARTICLE);
    const url = await canonical(page);
    await article.article.getByRole('link', { name: 'Copy link' }).click();
    await expect(article.article.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await expect(page).toHaveURL(new RegExp(`/articles/${LONG_ARTICLE}$`));
    await context.close();
  });

  test('on a Dari article the labels are Dari', async ({ page }) => {
    const article = new ArticlePage(page, { breadcrumb: 'مسیر صفحه', categories: 'بخش‌ها', backToTop: 'بازگشت به بالا' });
    await article.goto(RTL_ARTICLE);
    await expect(article.article.getByRole('link', { name: 'هم‌رسانی در WhatsApp' })).toBeVisible();
    await expect(article.article.getByRole('link', { name: 'کاپی پیوند' })).toBeVisible();
    await expect(article.article.getByRole('link', { name: /^Share on/ })).toHaveCount(0);
  });

  test('are left off the printed page', async ({ page }) => {
    const article = new ArticlePage(page);
    await article.goto(LONG_ARTICLE);
    await page.emulateMedia({ media: 'print' });
    await expect(article.article.getByRole('link', { name: 'Share on X' })).toBeHidden();
  });
});
