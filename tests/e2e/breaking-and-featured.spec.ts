// A breaking strip and a featured lead, as an editor publishes them: the
// strip shows on every page until breakingUntil, the featured story leads the
// front page and its section until featuredUntil, and both end by the
// publication clock alone, with no call and no rebuild. The server reads its
// own copy of content/.
import fs from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { startOnContentCopy, type ContentCopyServer, type TestServer } from './support/server';

const SECRET = 'e2e-breaking-secret';
const BREAKING = 'polling-stations-close-early';
const FEATURED = 'how-pakistans-armed-forces-are-organised';
const STRIP = 'Polling stations in two provinces close early';

let site: ContentCopyServer;
let server: TestServer;
let content: string;

test.beforeAll(async () => {
  site = await startOnContentCopy({ REVALIDATE_SECRET: SECRET });
  ({ server, content } = site);
});

test.afterAll(async () => {
  await site?.dispose();
});

async function publish(): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.baseURL}/api/revalidate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ content: true }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** The first card's headline link of a listing: the lead story. */
async function leadOf(address: string): Promise<string | null> {
  const html = await (await fetch(`${server.baseURL}${address}`)).text();
  return /<main[\s\S]*?<h2[^>]*>\s*<a[^>]*href="\/articles\/([a-z0-9-]+)"/.exec(html)?.[1] ?? null;
}

async function stripsOn(address: string): Promise<number> {
  const html = await (await fetch(`${server.baseURL}${address}`)).text();
  return html.split('aria-label="Breaking news"').length - 1;
}

test.describe('breaking and featured', () => {
  test('the strip shows on every page and the featured story leads, until their times pass, with no call', async ({ browser }) => {
    test.setTimeout(150_000);
    const until = new Date(Date.now() + 25_000);
    const newestBefore = await leadOf('/');
    expect(newestBefore).not.toBe(FEATURED);

    fs.writeFileSync(
      path.join(content, 'articles', `${BREAKING}.md`),
      [
        '---',
        `title: "Two provinces close polling stations early"`,
        `date: ${new Date(Date.now() - 60_000).toISOString()}`,
        'author: desk-kabul',
        'categories: [Politics]',
        `breaking: "${STRIP}"`,
        `breakingUntil: ${until.toISOString()}`,
        '---',
        'Officials in two provinces closed polling stations two hours early, citing security warnings.',
        '',
      ].join('\n'),
    );
    const featuredFile = path.join(content, 'articles', `${FEATURED}.md`);
    const original = fs.readFileSync(featuredFile, 'utf8');
    fs.writeFileSync(featuredFile, original.replace(/^---\n/, `---\nfeatured: true\nfeaturedUntil: ${until.toISOString()}\n`));
    const answer = await publish();
    expect(answer).toMatchObject({ everything: true });

    for (const address of ['/', `/articles/${FEATURED}`, '/category/military', '/corrections', '/tag/explainer']) {
      expect(await stripsOn(address), address).toBe(1);
    }
    expect(await leadOf('/')).toBe(FEATURED);
    expect(await leadOf('/category/military')).toBe(FEATURED);

    // In a browser: a link to the story; the dot pulses, except for a reader who asked for less motion.
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const context = await browser.newContext({ reducedMotion });
      const page = await context.newPage();
      await page.goto(`${server.baseURL}/category/politics`);
      const strip = page.getByRole('complementary', { name: 'Breaking news' });
      await expect(strip.getByRole('link', { name: STRIP })).toHaveAttribute('href', `/articles/${BREAKING}`);
      const animation = await strip.locator('[aria-hidden="true"]').evaluate((dot) => getComputedStyle(dot).animationName);
      expect(animation, reducedMotion).toBe(reducedMotion === 'reduce' ? 'none' : 'pulse');
      await context.close();
    }

    // The clock ends both within its 15-second tick of the time; nobody calls anything.
    await expect.poll(async () => stripsOn('/'), { timeout: 70_000, intervals: [2_000] }).toBe(0);
    expect(Date.now() - until.getTime()).toBeLessThan(45_000);
    expect(await stripsOn(`/articles/${FEATURED}`)).toBe(0);
    expect(await stripsOn(`/articles/${BREAKING}`)).toBe(0);
    expect(await leadOf('/')).not.toBe(FEATURED);
    expect(await leadOf('/category/military')).not.toBe(FEATURED);
  });
});
