// Previews: an editor opens a draft or a scheduled article on the running
// production server through the link `npm run content:preview` prints. The
// link is signed and expires; the page is never cached, listed or indexed.
// The server reads its own copy of content/, so a test can edit a draft.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { startOnContentCopy, type ContentCopyServer, type TestServer } from './support/server';

const SECRET = 'e2e-preview-spec-secret-0123456789abcdef';
const DRAFT = 'draft-national-finance-commission-explainer';
const SCHEDULED = 'scheduled-sample-year-ahead';
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');

type Command = { code: number | null; stdout: string; stderr: string };

/** Runs `npm run content:preview -- …` as an editor would, against `content`. */
function contentPreview(content: string, args: string[], secret: string | null = SECRET): Promise<Command> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATELINE_CONTENT_DIR: content };
  if (secret === null) delete env.PREVIEW_SECRET;
  else env.PREVIEW_SECRET = secret;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSX, '--conditions=react-server', 'scripts/content-preview.ts', ...args],
      { env, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : error ? null : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function linkFor(content: string, baseURL: string, slug: string, hours = 1): Promise<string> {
  const run = await contentPreview(content, [slug, '--site', baseURL, '--hours', String(hours)]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const link = run.stdout.split('\n').find((line) => line.startsWith(`${baseURL}/api/preview?`));
  expect(link, run.stdout).toBeDefined();
  return link!;
}

test.describe.configure({ mode: 'serial' });

let site: ContentCopyServer;
let server: TestServer;
let content: string;

test.beforeAll(async () => {
  site = await startOnContentCopy({ PREVIEW_SECRET: SECRET });
  ({ server, content } = site);
});

test.afterAll(async () => {
  await site?.dispose();
});

test.describe('preview', () => {
  test('a draft answers 404 to readers and opens, with a Preview banner, through the signed link', async ({ page }) => {
    const reader = await fetch(`${server.baseURL}/articles/${DRAFT}`);
    expect(reader.status).toBe(404);
    await reader.arrayBuffer();

    const link = await linkFor(content, server.baseURL, DRAFT);
    const response = await page.goto(link);
    expect(new URL(page.url()).pathname).toBe(`/preview/${DRAFT}`);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers['cache-control']).toContain('no-store');
    expect(headers['x-robots-tag']).toBe('noindex, nofollow');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expect(page.getByRole('status', { name: 'Preview' })).toContainText('This article is a draft');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('National Finance Commission');
    await expect(page).toHaveTitle(/^Preview: /);

    // Reloading keeps the preview open: the cookie carries the link's grant.
    expect((await page.reload())?.status()).toBe(200);
    await expect(page.getByRole('status', { name: 'Preview' })).toBeVisible();
  });

  test('a scheduled article opens in preview and stays out of the listings, feeds and sitemaps', async ({ page }) => {
    await page.goto(await linkFor(content, server.baseURL, SCHEDULED));
    await expect(page.getByRole('status', { name: 'Preview' })).toContainText('This article is scheduled: readers see it from');
    for (const address of ['/', '/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/news-sitemap.xml']) {
      const body = await (await fetch(`${server.baseURL}${address}`)).text();
      expect(body, address).not.toContain(SCHEDULED);
      expect(body, address).not.toContain(DRAFT);
      expect(body, address).not.toContain('/preview/');
    }
    expect((await fetch(`${server.baseURL}/articles/${SCHEDULED}`)).status).toBe(404);
  });

  test('an edit to the draft shows on reload, and a mistake in it is listed with its line', async ({ page }) => {
    await page.goto(await linkFor(content, server.baseURL, DRAFT));
    const file = path.join(content, 'articles', `${DRAFT}.md`);
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, original.replace(/^title: .*$/m, 'title: "Preview shows the saved headline"'));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Preview shows the saved headline');

    fs.writeFileSync(file, original.replace(/^author: .*$/m, 'author: nobody-here'));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${DRAFT} cannot be shown yet`);
    await expect(page.getByRole('listitem').filter({ hasText: 'unknown author "nobody-here"' })).toContainText(
      new RegExp(`${DRAFT}\\.md:\\d+: author`),
    );
    fs.writeFileSync(file, original);
  });

  test('the link stops working when it expires, and so does the page it opened', async ({ page, context }) => {
    // 3.6 seconds.
    const link = await linkFor(content, server.baseURL, DRAFT, 0.001);
    expect((await page.goto(link))?.status()).toBe(200);
    const cookie = (await context.cookies(server.baseURL + `/preview/${DRAFT}`)).find((entry) => entry.name === 'dateline-preview');
    expect(cookie).toBeDefined();
    await page.waitForTimeout(4_000);

    const again = await page.goto(link);
    expect(again?.status()).toBe(403);
    await expect(page.getByRole('main')).toContainText('This preview link expired at');
    await expect(page.getByRole('main')).toContainText('npm run content:preview');

    // A cookie kept past its time (a browser that does not drop it) opens nothing either.
    const kept = await fetch(`${server.baseURL}/preview/${DRAFT}`, { headers: { cookie: `dateline-preview=${cookie!.value}` } });
    expect(kept.status).toBe(403);
    expect(await kept.text()).toContain('expired');
  });

  test('a changed link, another article’s cookie and no cookie are refused with the reason', async () => {
    const link = new URL(await linkFor(content, server.baseURL, DRAFT));
    const forged = new URL(link);
    forged.searchParams.set('slug', SCHEDULED);
    const refused = await fetch(forged);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('signed with another PREVIEW_SECRET');

    const opened = await fetch(link, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const grant = /dateline-preview=([^;]+)/.exec(opened.headers.get('set-cookie') ?? '')?.[1];
    expect(grant).toBeDefined();
    const elsewhere = await fetch(`${server.baseURL}/preview/${SCHEDULED}`, { headers: { cookie: `dateline-preview=${grant}` } });
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.text()).toContain(`is of ${DRAFT}, not ${SCHEDULED}`);

    const none = await fetch(`${server.baseURL}/preview/${DRAFT}`);
    expect(none.status).toBe(403);
    expect(none.headers.get('cache-control')).toContain('no-store');
  });

  test('content:preview explains what it needs', async () => {
    const noSecret = await contentPreview(content, [DRAFT], null);
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toContain('PREVIEW_SECRET is not set');
    const unknown = await contentPreview(content, ['no-such-story']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('there is no article no-such-story');
    const tooLong = await contentPreview(content, [DRAFT, '--hours', '500']);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain('--hours must be');
  });
});
