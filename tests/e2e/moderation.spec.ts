import { execFile } from 'node:child_process';
import path from 'node:path';

import { expect, test, type APIRequestContext } from '@playwright/test';
import { JSDOM } from 'jsdom';

import { ModerationPage } from './pages/moderation-page';
import { E2E_MODERATOR_PASSWORD, E2E_REVALIDATE_SECRET, mainServerDatabase, TestServer } from './support/server';
import { COMMENT_ARTICLE, openDatabase, runTag, storedByEmail, storedById, submitAcknowledged } from './support/submissions';

const ARTICLE = COMMENT_ARTICLE;

/** Submits a reader's comment through the article's form; returns its id. */
async function readerComment(baseURL: string, tag: string, label: string, extra: { website?: string } = {}) {
  const email = `mod-${tag}-${label}@example.test`;
  const body = `Moderation check ${tag} ${label}: the figures in the second table look wrong.`;
  await submitAcknowledged(baseURL, ARTICLE, { name: `Reader ${label} ${tag}`, email, comment: body, website: extra.website ?? '' });
  const db = openDatabase(mainServerDatabase());
  try {
    const [row] = storedByEmail(db, email);
    if (!row) throw new Error(`comment ${label} not stored`);
    return { id: row.id, email, body };
  } finally {
    db.close();
  }
}

function statusOf(id: number): string | undefined {
  const db = openDatabase(mainServerDatabase());
  try {
    return storedById(db, id)?.status;
  } finally {
    db.close();
  }
}

/** Polls the article's static HTML until `check` holds (the page is regenerated on its next visit). */
async function expectArticleHtml(request: APIRequestContext, check: (html: string) => boolean, slug = ARTICLE): Promise<string> {
  let html = '';
  await expect
    .poll(
      async () => {
        html = await (await request.get(`/articles/${slug}`)).text();
        return check(html);
      },
      { timeout: 10_000, intervals: [250, 500, 1_000] },
    )
    .toBe(true);
  return html;
}

/** The hidden action id and fields of the moderation queue form, as a page without JavaScript posts them. */
function queueForm(html: string): Record<string, string> {
  const form = new JSDOM(html).window.document.querySelector('form[aria-label="Comments"]');
  if (!form) throw new Error('no queue form in the page');
  const fields: Record<string, string> = {};
  for (const input of Array.from(form.querySelectorAll('input[type="hidden"]'))) {
    fields[input.getAttribute('name') ?? ''] = input.getAttribute('value') ?? '';
  }
  return fields;
}

function multipart(fields: Record<string, string>): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return body;
}

test.describe('moderation', () => {
  test('is closed when MODERATOR_PASSWORD is unset: 404, no sign-in form, no queue, no session', async ({ request }) => {
    test.setTimeout(90_000);
    // The same build, so the sign-in action of the configured server exists on this one too.
    const loginPage = await (await request.get('/moderation')).text();
    const actionField = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(loginPage)?.[1];
    expect(actionField).toBeTruthy();

    const closed = await TestServer.start({ env: { MODERATOR_PASSWORD: undefined } });
    try {
      for (const url of ['/moderation', '/moderation?status=approved', '/moderation/comments/1']) {
        const response = await fetch(`${closed.baseURL}${url}`);
        const html = await response.text();
        expect(response.status, url).toBe(404);
        expect(html).not.toContain('Password');
        expect(html).not.toMatch(/Held \(\d+\)/);
      }
      const attempt = await fetch(`${closed.baseURL}/moderation`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: closed.baseURL },
        body: multipart({ [actionField ?? '']: '', password: '', returnTo: '/moderation' }),
      });
      expect(attempt.headers.get('set-cookie') ?? '').not.toContain('dateline_moderator');
      expect((await fetch(`${closed.baseURL}/moderation`)).status).toBe(404);
    } finally {
      await closed.dispose();
    }
  });

  test('refuses a wrong password and shows no queue', async ({ page, context }) => {
    const moderation = new ModerationPage(page);
    await moderation.signIn({ password: 'not-the-password' });
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('That password is not right.');
    await expect(moderation.queue).toHaveCount(0);
    await expect(moderation.password).toBeVisible();
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('dateline_moderator');
  });

  test('signs in with an HttpOnly, SameSite=Strict cookie scoped to /moderation, Secure on https, and signs out', async ({
    page,
    context,
    request,
  }) => {
    const moderation = new ModerationPage(page);
    await moderation.signIn({ name: 'Desk editor' });
    await expect(moderation.signOutButton).toBeVisible();
    await expect(page.getByText('Signed in as Desk editor')).toBeVisible();
    const cookie = (await context.cookies()).find((c) => c.name === 'dateline_moderator');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/moderation', secure: false });
    expect(cookie?.value).not.toContain(E2E_MODERATOR_PASSWORD);
    expect(decodeURIComponent(cookie?.value ?? '')).not.toMatch(/@/);

    // Behind an https proxy the cookie is Secure.
    const html = await (await request.get('/moderation')).text();
    const actionField = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(html)?.[1] ?? '';
    const https = await fetch(new URL('/moderation', page.url()), {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: new URL(page.url()).origin, 'x-forwarded-proto': 'https' },
      body: multipart({ [actionField]: '', password: E2E_MODERATOR_PASSWORD, returnTo: '/moderation' }),
    });
    const setCookie = https.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/dateline_moderator=v2\./);
    expect(setCookie).toMatch(/;\s*Secure/i);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Strict/i);

    await moderation.submitWith(moderation.signOutButton);
    await expect(moderation.password).toBeVisible();
    expect((await context.cookies()).map((c) => c.name)).not.toContain('dateline_moderator');
  });

  test('is kept out of search engines and caches', async ({ page, request }) => {
    const signedOut = await request.get('/moderation');
    expect(signedOut.headers()['cache-control']).toContain('no-store');
    expect(await signedOut.text()).toContain('<meta name="robots" content="noindex, nofollow"/>');
    const moderation = new ModerationPage(page);
    await moderation.signIn();
    const response = await page.goto('/moderation');
    expect(response?.headers()['cache-control']).toContain('no-store');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
  });

  test('a reader’s comment waits under Held with its email; approving it puts it into the article’s static HTML', async ({
    page,
    request,
    baseURL,
  }) => {
    const tag = runTag();
    const comment = await readerComment(baseURL!, tag, 'approve', { website: 'https://example.com/reader' });
    expect(await (await request.get(`/articles/${ARTICLE}`)).text()).not.toContain(comment.body);

    const moderation = new ModerationPage(page);
    await moderation.signIn();
    const item = moderation.comment(comment.id);
    await expect(item).toContainText(comment.email);
    await expect(item).toContainText(comment.body);
    await expect(item).toContainText('https://example.com/reader');
    await expect(item.getByRole('link', { name: /policing works/i })).toHaveAttribute('href', `/articles/${ARTICLE}`);
    await expect(moderation.tab('held')).toBeVisible();

    await moderation.act(comment.id, 'approve');
    await expect(page.getByRole('main').getByRole('status')).toHaveText('1 comment approved.');
    expect(statusOf(comment.id)).toBe('approved');
    const html = await expectArticleHtml(request, (h) => h.includes(comment.body));
    expect(html).not.toContain(comment.email);

    await moderation.goto('approved');
    await expect(moderation.comment(comment.id)).toBeVisible();
  });

  test('restore undoes the last change, and the article page follows', async ({ page, request, baseURL }) => {
    const tag = runTag();
    const comment = await readerComment(baseURL!, tag, 'restore');
    const moderation = new ModerationPage(page);
    await moderation.signIn();
    await moderation.act(comment.id, 'approve');
    await expectArticleHtml(request, (h) => h.includes(comment.body));
    await moderation.goto('approved');
    await moderation.act(comment.id, 'restore');
    expect(statusOf(comment.id)).toBe('held');
    await expectArticleHtml(request, (h) => !h.includes(comment.body));

    await moderation.goto('held');
    await moderation.act(comment.id, 'trash');
    expect(statusOf(comment.id)).toBe('trash');
    await moderation.goto('trash');
    await moderation.act(comment.id, 'restore');
    expect(statusOf(comment.id)).toBe('held');
  });

  test('bulk actions change every selected comment and only those', async ({ page, baseURL }) => {
    const tag = runTag();
    const [a, b, c, untouched] = [
      await readerComment(baseURL!, tag, 'bulk-a'),
      await readerComment(baseURL!, tag, 'bulk-b'),
      await readerComment(baseURL!, tag, 'bulk-c'),
      await readerComment(baseURL!, tag, 'bulk-d'),
    ];
    const ids = [a.id, b.id, c.id];
    const moderation = new ModerationPage(page);
    await moderation.signIn();

    await moderation.bulk(ids, 'spam');
    await expect(page.getByRole('main').getByRole('status')).toHaveText('3 comments marked as spam.');
    expect(ids.map(statusOf)).toEqual(['spam', 'spam', 'spam']);
    expect(statusOf(untouched.id)).toBe('held');

    await moderation.goto('spam');
    expect(await moderation.listedIds()).toEqual(expect.arrayContaining(ids));
    await moderation.bulk(ids, 'restore');
    expect(ids.map(statusOf)).toEqual(['held', 'held', 'held']);

    await moderation.goto('held');
    await moderation.bulk([a.id, b.id], 'approve');
    await moderation.goto('approved');
    await moderation.bulk([a.id, b.id], 'trash');
    expect(ids.map(statusOf)).toEqual(['trash', 'trash', 'held']);

    // Nothing selected: nothing changes, and the moderator is told.
    await moderation.goto('held');
    await page.getByLabel('With the selected comments').selectOption({ label: 'Approve' });
    await moderation.submitWith(page.getByRole('button', { name: 'Apply to selected' }));
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Select at least one comment first.');
    expect(statusOf(c.id)).toBe('held');
  });

  test('an edit with invalid input shows the errors beside the fields and changes nothing; a valid one is recorded', async ({
    page,
    request,
    baseURL,
  }) => {
    const tag = runTag();
    const comment = await readerComment(baseURL!, tag, 'edit');
    const moderation = new ModerationPage(page);
    await moderation.signIn({ name: 'Copy desk' });
    await moderation.act(comment.id, 'approve');
    await page.goto(`/moderation/comments/${comment.id}`);

    const form = page.getByRole('form', { name: `Edit comment #${comment.id}` });
    await form.getByLabel('Name').fill('Changed name');
    await form.getByLabel('Email').fill('not-an-email');
    await form.getByLabel('Website').fill('javascript:alert(1)');
    await form.getByLabel('Comment').fill('   ');
    await moderation.submitWith(form.getByRole('button', { name: 'Save changes' }));

    await expect(form.getByRole('alert')).toHaveText('Nothing was saved. Please correct the fields marked below.');
    for (const [label, message] of [
      ['Email', 'Please enter a valid email address, like name@example.com.'],
      ['Website', 'Your website address must start with http:// or https://.'],
      ['Comment', 'Please write a comment.'],
    ] as const) {
      const field = form.getByLabel(label);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(message);
    }
    // What the moderator typed is kept.
    await expect(form.getByLabel('Name')).toHaveValue('Changed name');
    await expect(form.getByLabel('Email')).toHaveValue('not-an-email');
    const db = openDatabase(mainServerDatabase());
    try {
      expect(storedById(db, comment.id)).toMatchObject({
        name: `Reader edit ${tag}`,
        email: comment.email,
        body: comment.body,
        website: null,
      });
    } finally {
      db.close();
    }

    const edited = `${comment.body} [Edited: the table was corrected.]`;
    await form.getByLabel('Email').fill(comment.email);
    await form.getByLabel('Website').fill('');
    await form.getByLabel('Comment').fill(edited);
    await moderation.submitWith(form.getByRole('button', { name: 'Save changes' }));
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Your changes to the comment were saved.');
    await expect(page.getByRole('region', { name: 'History' })).toContainText('Edited: name, body — by moderator:Copy desk');
    await expectArticleHtml(request, (h) => h.includes('[Edited: the table was corrected.]') && h.includes('Changed name'));
  });

  test('cross-origin, origin-less and signed-out POSTs change nothing; GET and HEAD change nothing', async ({
    page,
    context,
    request,
    baseURL,
  }) => {
    const tag = runTag();
    const comment = await readerComment(baseURL!, tag, 'csrf');
    const moderation = new ModerationPage(page);
    await moderation.signIn();
    const cookie = (await context.cookies()).find((c) => c.name === 'dateline_moderator');
    const cookieHeader = `dateline_moderator=${cookie?.value}`;
    const pageHtml = await (await fetch(`${baseURL}/moderation`, { headers: { cookie: cookieHeader } })).text();
    const fields = { ...queueForm(pageHtml), one: `approve:${comment.id}` };

    const attempts: Array<[string, Record<string, string>]> = [
      ['another origin', { origin: 'http://evil.example', cookie: cookieHeader }],
      [
        'another origin, forwarded',
        { origin: 'http://evil.example', 'x-forwarded-host': 'evil.example', 'sec-fetch-site': 'cross-site', cookie: cookieHeader },
      ],
      ['no origin', { cookie: cookieHeader }],
      ['a cross-site fetch', { origin: baseURL!, 'sec-fetch-site': 'cross-site', cookie: cookieHeader }],
      ['no session', { origin: baseURL! }],
    ];
    for (const [label, headers] of attempts) {
      const response = await fetch(`${baseURL}/moderation`, { method: 'POST', redirect: 'manual', headers, body: multipart(fields) });
      expect(response.status, label).not.toBe(200);
      expect(response.status, label).toBeLessThan(500);
      expect(statusOf(comment.id), label).toBe('held');
    }

    // Moderation changes happen only through POST: the same fields in a GET or HEAD do nothing.
    const query = new URLSearchParams({ one: `approve:${comment.id}`, bulkAction: 'approve', ids: String(comment.id) });
    expect((await request.get(`/moderation?${query}`)).status()).toBe(200);
    expect((await request.head(`/moderation?${query}`)).status()).toBe(200);
    expect((await request.head(`/moderation/comments/${comment.id}?${query}`)).status()).toBe(200);
    expect(statusOf(comment.id)).toBe('held');

    // The same form from the moderator's own page does work: the refusals above were not for another reason.
    const allowed = await fetch(`${baseURL}/moderation`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: baseURL!, cookie: cookieHeader },
      body: multipart(fields),
    });
    expect(allowed.status).toBe(303);
    expect(statusOf(comment.id)).toBe('approved');
  });

  test('the comments CLI approves a comment and the running site updates the article page', async ({ request, baseURL }) => {
    const tag = runTag();
    const comment = await readerComment(baseURL!, tag, 'cli');
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.resolve('node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/comments.ts', 'approve', String(comment.id)],
        {
          env: { ...process.env, COMMENTS_SQLITE_PATH: mainServerDatabase(), SITE_URL: baseURL, REVALIDATE_SECRET: E2E_REVALIDATE_SECRET },
          timeout: 60_000,
        },
        (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Approved 1 comment: #${comment.id}.`);
    expect(run.stdout).toContain(`updates 1 article page: ${ARTICLE}`);
    await expectArticleHtml(request, (h) => h.includes(comment.body));

    const refused = await request.post('/api/revalidate', { data: { paths: [`/articles/${ARTICLE}`] } });
    expect(refused.status()).toBe(401);
    const wrong = await request.post('/api/revalidate', {
      headers: { authorization: 'Bearer wrong' },
      data: { paths: [`/articles/${ARTICLE}`] },
    });
    expect(wrong.status()).toBe(401);
    const bad = await request.post('/api/revalidate', {
      headers: { authorization: `Bearer ${E2E_REVALIDATE_SECRET}` },
      data: { paths: ['https://evil.example/'] },
    });
    expect(bad.status()).toBe(400);
  });
});
