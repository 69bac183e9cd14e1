import { expect, test } from '@playwright/test';

import { ArticlePage } from './pages/article-page';
import { RTL_ARTICLE } from './pages/site';

test('a reader goes from the home page to a section, an article, and back through its tags', async ({ page }) => {
  await page.goto('/');
  const lead = page.locator('main article').first();
  await expect(lead.getByRole('heading')).toBeVisible();

  // The lead story's section label is a link to that section.
  const section = lead.locator('a[href^="/category/"]').first();
  const sectionName = (await section.textContent())?.trim() ?? '';
  await section.click();
  await expect(page).toHaveURL(/\/category\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sectionName);

  const firstStory = page.locator('main article h2 a').first();
  const headline = (await firstStory.textContent())?.trim() ?? '';
  await firstStory.click();
  await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+$/);

  const article = new ArticlePage(page);
  await expect(article.headline).toHaveText(headline);
  await expect(article.breadcrumb.getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/');
  const tags = article.categoryTags.getByRole('link');
  expect(await tags.count()).toBeGreaterThan(0);
  await expect(tags.first()).toHaveText(sectionName);
  await expect(article.article.locator('time[datetime]').first()).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);

  const secondTag = tags.nth(1);
  const secondName = (await secondTag.textContent())?.trim() ?? '';
  await secondTag.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondName);
  await expect(page.locator('main article h2 a', { hasText: headline })).toBeVisible();
});

test('the header lists every section', async ({ page }) => {
  await page.goto('/');
  const sections = page.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('link');
  await expect(sections).toHaveText([
    'Afghanistan',
    'Government',
    'Military',
    'News',
    'Pakistan',
    'Politics',
    'Region',
    'Security',
    'Society',
  ]);
  await sections.filter({ hasText: 'Society' }).click();
  await expect(page).toHaveURL(/\/category\/society$/);
});

test('the home page lists ten stories, newest first, and pages on', async ({ page }) => {
  await page.goto('/');
  const times = await page.locator('main article time').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime') ?? ''));
  expect(times).toHaveLength(10);
  expect([...times].sort().reverse()).toEqual(times);

  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /older/i }).click();
  await expect(page).toHaveURL(/\/page\/2$/);
  const older = await page.locator('main article time').first().getAttribute('datetime');
  expect(older! < times[9]!).toBe(true);
});

test('a right-to-left article renders with its language and direction', async ({ page }) => {
  const article = new ArticlePage(page);
  const response = await article.goto(RTL_ARTICLE);
  expect(response?.status()).toBe(200);
  await expect(article.article).toHaveAttribute('lang', 'fa-AF');
  await expect(article.article).toHaveAttribute('dir', 'rtl');
});

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('the site still reads and navigates', async ({ page }) => {
    await page.goto('/');
    await page.locator('main article h2 a').first().click();
    await expect(page).toHaveURL(/\/articles\//);
    const article = new ArticlePage(page);
    await expect(article.headline).toBeVisible();
    await article.categoryTags.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/category\//);
    await expect(page.locator('main article').first()).toBeVisible();
  });
});
