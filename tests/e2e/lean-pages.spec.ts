import { expect, test } from '@playwright/test';

import { isArabicSubset, PageLoad } from './pages/page-load';
import { LONG_ARTICLE, RTL_ARTICLE } from './pages/site';

/** An article with a lead picture (`image:` in its front matter). */
const IMAGE_ARTICLE = 'salang-pass-winter-maintenance';
/** A Latin-script article. */
const LATIN_ARTICLE = 'what-happens-at-a-border-flag-meeting';

for (const url of ['/', `/articles/${LONG_ARTICLE}`, `/articles/${RTL_ARTICLE}`]) {
  test(`${url} asks nothing of any other site`, async ({ page, baseURL }) => {
    const load = new PageLoad(page);
    await load.open(url);
    await load.readThrough();

    const site = new URL(baseURL!).origin;
    const elsewhere = load.requests.filter((request) => request.protocol.startsWith('http') && request.origin !== site);
    expect(elsewhere.map(String)).toEqual([]);
    expect(load.fontResponses.length).toBeGreaterThan(0);
  });
}

test('article text is set in the site’s own serif, fetched from the site and cached for good', async ({ page, baseURL }) => {
  const load = new PageLoad(page);
  await load.open(`/articles/${LONG_ARTICLE}`);

  for (const selector of ['main article .prose-article p', 'main article h1']) {
    const fonts = await load.renderedFonts(selector);
    expect(fonts, selector).toContainEqual(expect.objectContaining({ familyName: 'Noto Serif', isCustomFont: true }));
    expect(
      fonts.filter((font) => !font.isCustomFont),
      `${selector} has no text in a system font`,
    ).toEqual([]);
  }

  expect(load.fontResponses.length).toBeGreaterThan(0);
  for (const response of load.fontResponses) {
    const url = new URL(response.url());
    expect(url.origin).toBe(new URL(baseURL!).origin);
    expect(url.pathname).toMatch(/^\/_next\/static\/media\/[^/]+\.woff2$/);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('font/woff2');
    expect(response.headers()['cache-control']).toContain('immutable');
  }
});

test('the first screen’s faces are preloaded, nothing else, and each is used', async ({ page }) => {
  const load = new PageLoad(page);
  await load.open(`/articles/${LATIN_ARTICLE}`);

  const preloaded = await load.preloadedFonts();
  const fetched = load.fontResponses.map((response) => new URL(response.url()).pathname);
  expect(preloaded.length).toBeGreaterThan(0);
  for (const href of preloaded) expect(fetched).toContain(href);
  // Upright text and bold headlines are preloaded; italics load only where a page uses them.
  const upright = (await load.fontFaces()).filter((face) => face.status === 'loaded' && face.style === 'normal');
  expect(upright).toHaveLength(preloaded.length);
});

// Both list the Dari article's headline (a related story, a front-page card) in a system face.
for (const url of ['/', `/articles/${LONG_ARTICLE}`]) {
  test(`${url}, a Latin page, never downloads the Arabic font`, async ({ page }) => {
    const load = new PageLoad(page);
    await load.open(url);
    await load.readThrough();

    const faces = await load.fontFaces();
    const arabic = faces.filter(isArabicSubset);
    expect(arabic.length).toBeGreaterThan(0);
    expect(arabic.map((face) => face.status)).not.toContain('loaded');
    // Every font file fetched is a face the page uses.
    expect(load.fontResponses).toHaveLength(faces.filter((face) => face.status === 'loaded').length);
  });
}

test('the Dari article downloads the Arabic font from the site and draws its text with it', async ({ page, baseURL }) => {
  const latin = new PageLoad(page);
  await latin.open(`/articles/${LATIN_ARTICLE}`);
  const latinPreloads = await latin.preloadedFonts();

  const load = new PageLoad(page);
  await load.open(`/articles/${RTL_ARTICLE}`);
  await expect(page.locator('main article[dir="rtl"]')).toHaveAttribute('lang', /^fa/);
  await expect.poll(async () => (await load.fontFaces()).filter(isArabicSubset).map((face) => face.status)).toContain('loaded');
  // Not preloaded: only Latin pages' faces are.
  expect(await load.preloadedFonts()).toEqual(latinPreloads);
  const arabicFiles = load.fontResponses.filter((response) => !latinPreloads.includes(new URL(response.url()).pathname));
  expect(arabicFiles.length).toBeGreaterThan(0);
  for (const response of arabicFiles) expect(new URL(response.url()).origin).toBe(new URL(baseURL!).origin);

  // It may arrive too late for the first paint of the reader's first Dari page
  // (the text then keeps the system face rather than move); once cached it is drawn with.
  await load.open(`/articles/${RTL_ARTICLE}`);
  for (const selector of ['main article .prose-article p', 'main article h1']) {
    const fonts = await load.renderedFonts(selector);
    expect(fonts, selector).toContainEqual(expect.objectContaining({ familyName: 'Vazirmatn', isCustomFont: true }));
  }
});

test('the lead picture is fetched first and its box is kept before it arrives', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/images/**', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/articles/${IMAGE_ARTICLE}`, { waitUntil: 'domcontentloaded' });

  const picture = page.locator('main article figure img').first();
  await expect(picture).not.toHaveAttribute('loading', 'lazy');
  await expect(picture).toHaveAttribute('fetchpriority', 'high');
  await expect(picture).toHaveAttribute('width', /^[1-9]\d*$/);
  await expect(picture).toHaveAttribute('height', /^[1-9]\d*$/);
  const src = await picture.getAttribute('src');
  await expect(page.locator(`head link[rel="preload"][as="image"][href="${src}"]`)).toHaveCount(1);

  const box = () =>
    picture.evaluate((img: HTMLImageElement) => {
      const { width, height } = img.getBoundingClientRect();
      return { width, height, complete: img.complete && img.naturalWidth > 0 };
    });
  const before = await box();
  expect(before.complete).toBe(false);
  const width = Number(await picture.getAttribute('width'));
  const height = Number(await picture.getAttribute('height'));
  expect(before.height).toBeCloseTo((before.width * height) / width, 0);

  release();
  await expect.poll(async () => (await box()).complete).toBe(true);
  expect(await box()).toEqual({ ...before, complete: true });
});

const viewports = [
  { name: 'a 360 px phone', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
  { name: 'a desktop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
];

for (const { name, ...device } of viewports) {
  test.describe(`on ${name}`, () => {
    test.use(device);

    for (const url of ['/', `/articles/${LONG_ARTICLE}`, `/articles/${RTL_ARTICLE}`, '/articles/no-such-article']) {
      test(`${url} does not move under the reader`, async ({ page }) => {
        const load = new PageLoad(page);
        await load.open(url);
        await load.readThrough();
        expect(await load.layoutShifts()).toEqual([]);
      });
    }
  });
}
