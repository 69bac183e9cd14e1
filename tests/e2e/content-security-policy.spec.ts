import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';

import { ArticlePage } from './pages/article-page';
import { ModerationPage } from './pages/moderation-page';
import { LONG_ARTICLE, RTL_ARTICLE } from './pages/site';
import { mainServerDatabase } from './support/server';
import { COMMENT_ARTICLE, openDatabase, runTag, storedByEmail, submitAcknowledged } from './support/submissions';

// Every kind of page the site serves, loaded in Chromium with JavaScript on and
// off, breaks no rule of the site's own Content-Security-Policy. Chromium
// reports each violation to the DevTools protocol (an "issue"), which works
// whether or not the page may run scripts.

const REMOVED_ARTICLE = 'torkham-crossing-hours-extended';

type Watched = { page: Page; violations: string[] };

async function watch(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  const violations: string[] = [];
  const cdp = await context.newCDPSession(page);
  cdp.on('Audits.issueAdded', ({ issue }) => {
    if (issue.code !== 'ContentSecurityPolicyIssue') return;
    const details = issue.details.contentSecurityPolicyIssueDetails;
    violations.push(`${details?.violatedDirective ?? '?'} ${details?.blockedURL ?? details?.contentSecurityPolicyViolationType ?? ''}`);
  });
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (/Content Security Policy/i.test(entry.text)) violations.push(entry.text);
  });
  await cdp.send('Audits.enable');
  await cdp.send('Log.enable');
  return { page, violations };
}

/** A reader's comment, approved by a moderator, so the article, its reply page and the queue show one. */
async function approvedComment(page: Page, baseURL: string): Promise<number> {
  const email = `csp-${runTag()}@example.test`;
  await submitAcknowledged(baseURL, COMMENT_ARTICLE, {
    name: 'Policy reader',
    email,
    comment: 'A comment shown on the article, its reply page and the moderation queue.',
    website: '',
  });
  const db = openDatabase(mainServerDatabase());
  const [row] = storedByEmail(db, email);
  db.close();
  if (!row) throw new Error('The comment was not stored.');
  const moderation = new ModerationPage(page);
  await moderation.signIn();
  await moderation.act(row.id, 'approve');
  await expect(page.getByRole('main').getByRole('status')).toHaveText('1 comment approved.');
  await expect
    .poll(async () => (await page.request.get(`/articles/${COMMENT_ARTICLE}`)).text(), { timeout: 10_000 })
    .toContain('A comment shown on the article');
  return row.id;
}

/** Links of a kind found on a page: a tag, an author, the next listing page. */
async function firstLink(page: Page, prefix: string): Promise<string> {
  const href = await page.locator(`a[href^="${prefix}"]`).first().getAttribute('href');
  if (!href) throw new Error(`No link under ${prefix} on ${page.url()}`);
  return href;
}

async function pageTypes(
  browser: Browser,
  baseURL: string,
): Promise<{ paths: string[]; signedIn: string[]; state: Awaited<ReturnType<BrowserContext['storageState']>> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const id = await approvedComment(page, baseURL);
    await page.goto(`/articles/${COMMENT_ARTICLE}`);
    const tag = await firstLink(page, '/tag/');
    const author = await firstLink(page, '/author/');
    return {
      paths: [
        '/',
        '/page/2',
        '/category/news',
        tag,
        author,
        `/articles/${COMMENT_ARTICLE}`,
        `/articles/${COMMENT_ARTICLE}/reply/${id}`,
        `/articles/${LONG_ARTICLE}`,
        `/articles/${RTL_ARTICLE}`,
        '/no-such-page',
        `/articles/no-such-article`,
        `/articles/${REMOVED_ARTICLE}`,
      ],
      signedIn: ['/moderation', '/moderation?status=approved', `/moderation/comments/${id}`],
      state: await context.storageState(),
    };
  } finally {
    await context.close();
  }
}

test('no page type breaks the site’s Content-Security-Policy, with JavaScript on or off', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { paths, signedIn, state } = await pageTypes(browser, baseURL!);
  const statuses: Record<string, number> = {};

  for (const javaScriptEnabled of [true, false]) {
    const reader = await browser.newContext({ javaScriptEnabled });
    const moderator = await browser.newContext({ javaScriptEnabled, storageState: state });
    try {
      const visits = [
        ...paths.map((path) => ({ context: reader, path })),
        { context: reader, path: '/moderation' },
        ...signedIn.map((path) => ({ context: moderator, path })),
      ];
      for (const { context, path } of visits) {
        const { page, violations } = await watch(context);
        const response = await page.goto(path);
        statuses[path] = response?.status() ?? 0;
        if (javaScriptEnabled && path.startsWith('/articles/') && (await page.getByLabel(/^Comment/).count()) > 0) {
          // The form asks for its token when a reader starts; back to top appears on scrolling.
          await page.getByLabel(/^Comment/).focus();
          await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          await expect(new ArticlePage(page).backToTop).toBeVisible();
        }
        await page.waitForLoadState('networkidle');
        expect(violations, `${path} with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`).toEqual([]);
        await page.close();
      }
    } finally {
      await reader.close();
      await moderator.close();
    }
  }
  // The visits reached what they were meant to: pages, the queue, a 404 and a 410.
  expect(statuses[`/articles/${COMMENT_ARTICLE}`]).toBe(200);
  expect(statuses['/no-such-page']).toBe(404);
  expect(statuses[`/articles/${REMOVED_ARTICLE}`]).toBe(410);
  expect(statuses[`/moderation/comments/${signedIn[2]!.split('/').pop()}`]).toBe(200);
});

test('a style or script the policy forbids is reported, so the check above can see one', async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const { page, violations } = await watch(context);
    await page.goto('/');
    await page.evaluate(() => {
      const element = document.createElement('div');
      element.setAttribute('style', 'color: red');
      document.body.append(element);
      const script = document.createElement('script');
      script.src = 'https://elsewhere.example/tracker.js';
      document.body.append(script);
    });
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
    expect(violations.join('\n')).toContain('style-src');
    expect(violations.join('\n')).toContain('script-src');
  } finally {
    await context.close();
  }
});
