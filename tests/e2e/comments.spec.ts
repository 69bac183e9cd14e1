import http from 'node:http';

import { expect, test, type Browser, type BrowserContext } from '@playwright/test';

import { CommentSection } from './pages/comment-section';
import { approve, commentsByEmail, uniqueEmail } from './support/comments-db';
import { fetchCommentForm, MIN_FILL_MS, parseCommentForm, postComment, readFormOutcome } from './support/form';
import { mainServerDatabase } from './support/server';
import { commentForm, openDatabase, readerHeaders, submit, uniqueIp } from './support/submissions';

// An article only these tests comment on, so counts and threads are theirs.
const SLUG = 'how-the-senate-of-pakistan-is-elected';
const AWAITING = 'Your comment is awaiting moderation.';

async function reader(browser: Browser, options: { javaScript: boolean }): Promise<BrowserContext> {
  // Each reader has an address of its own: flood control allows one comment per 15 s per address.
  return browser.newContext({ javaScriptEnabled: options.javaScript, extraHTTPHeaders: readerHeaders() });
}

/** Stores a comment through the no-JavaScript form and approves it; returns its id. */
async function approvedComment(
  baseURL: string,
  values: { comment: string; name: string; website?: string },
  replyTo?: number,
): Promise<number> {
  const email = uniqueEmail('approved');
  const result = await submit(baseURL, await commentForm(baseURL, SLUG, { replyTo }), { ...values, email });
  expect(readFormOutcome(result.html).message).toBe(AWAITING);
  const [stored] = commentsByEmail(email);
  approve(stored!.id);
  return stored!.id;
}

test.describe('reader comments', () => {
  test('a reader without JavaScript posts a comment and sees the moderation notice', async ({ browser }) => {
    const context = await reader(browser, { javaScript: false });
    const page = await context.newPage();
    const section = new CommentSection(page);
    // The prerendered page's token was signed at build time, long past the minimum fill time.
    await section.gotoArticle(SLUG);
    await expect(section.formHeading).toHaveText('Leave a Reply');
    await expect(section.form).toContainText('Your email address will not be published. Required fields are marked *');

    const email = uniqueEmail('nojs');
    await section.fill({ comment: 'Useful explainer.\n\nThank you.', name: 'Amina Rahimi', email, website: 'https://amina.example' });
    await section.submit.click();

    await expect(section.alert).toHaveText(AWAITING);
    await expect(page).toHaveURL(new RegExp(`/articles/${SLUG}#comment-form-message$`));
    await expect(section.comment).toHaveValue('');
    expect(commentsByEmail(email)).toMatchObject([{ name: 'Amina Rahimi', body: 'Useful explainer.\n\nThank you.', status: 'held' }]);
    await context.close();
  });

  test('on a phone without JavaScript, the answer page opens at the form’s message, not at the top', async ({ browser }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
      extraHTTPHeaders: readerHeaders(),
    });
    const page = await context.newPage();
    const section = new CommentSection(page);
    await section.gotoArticle(SLUG);

    // A mistake: the page opens at the message, with the first wrong field in view.
    await section.fill({ comment: '', name: 'Amina Rahimi', email: uniqueEmail('phone') });
    await section.submit.click();
    await expect(section.alert).toContainText('Your comment was not posted');
    await expect(section.alert).toBeInViewport();
    await expect(section.comment).toBeInViewport();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);

    // Put right (after the fresh form's fill time): the moderation notice is where the reader is looking.
    await page.waitForTimeout(MIN_FILL_MS);
    const email = uniqueEmail('phone');
    await section.fill({ comment: 'Read on the bus.', name: 'Amina Rahimi', email });
    await section.submit.click();
    await expect(section.alert).toHaveText(AWAITING);
    await expect(section.alert).toBeInViewport();
    expect(commentsByEmail(email)).toHaveLength(1);
    await context.close();
  });

  test('with JavaScript the form submits in place', async ({ browser }) => {
    const context = await reader(browser, { javaScript: true });
    const page = await context.newPage();
    const section = new CommentSection(page);
    await section.gotoArticle(SLUG);

    // Focusing the form asks for a fresh token; its minimum fill time starts then.
    const token = page.waitForResponse((response) => response.url().includes('/api/comments/token'));
    await section.comment.click();
    expect((await token).status()).toBe(200);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.waitForTimeout(MIN_FILL_MS);

    const email = uniqueEmail('js');
    await section.fill({ comment: 'Posted in place.', name: 'Omar Siddiqi', email });
    await section.submit.click();

    await expect(section.alert).toHaveText(AWAITING);
    await expect(section.comment).toHaveValue('');
    await expect(section.name).toHaveValue('');
    // The same document: no navigation happened.
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(commentsByEmail(email)).toMatchObject([{ name: 'Omar Siddiqi', status: 'held' }]);
    await context.close();
  });

  test('field errors are announced beside their fields and the text is kept', async ({ browser }) => {
    for (const javaScript of [true, false]) {
      const context = await reader(browser, { javaScript });
      const page = await context.newPage();
      const section = new CommentSection(page);
      await section.gotoArticle(SLUG);
      await section.fill({ comment: 'Kept text, with a missing name.', email: 'not-an-email' });
      await section.submit.click();

      await expect(section.alert).toContainText('Please correct the fields marked below.');
      await expect(section.name).toHaveAttribute('aria-invalid', 'true');
      await expect(section.name).toHaveAccessibleDescription('Please enter your name.');
      await expect(section.email).toHaveAttribute('aria-invalid', 'true');
      await expect(section.email).toHaveAccessibleDescription(/valid email address/);
      await expect(section.comment).not.toHaveAttribute('aria-invalid');
      await expect(section.comment).toHaveValue('Kept text, with a missing name.');
      await expect(section.email).toHaveValue('not-an-email');
      if (javaScript) {
        await expect(section.name).toBeFocused();
      } else {
        // The answer page opens at the message (the action's fragment), with the fields below it in view;
        // a browser skips autofocus on a page opened at a fragment, and Tab goes on from the message.
        await expect(page).toHaveURL(/#comment-form-message$/);
        await expect(section.alert).toBeInViewport();
        await page.keyboard.press('Tab');
        await expect(section.comment).toBeFocused();
      }
      await context.close();
    }
  });

  test('an Arabic-script name keeps its order next to Latin text', async ({ browser, baseURL }) => {
    const name = 'زهره احمدی';
    const id = await approvedComment(baseURL!, {
      comment: 'Latin text beside an Arabic-script name: see https://example.com/report.',
      name,
    });
    const context = await reader(browser, { javaScript: true });
    const page = await context.newPage();
    const section = new CommentSection(page);
    await section.gotoReply(SLUG, id);

    const item = section.commentItem(id);
    await expect(item.locator('bdi').first()).toHaveText(name);
    await expect(item.getByRole('link', { name: 'https://example.com/report' })).toHaveAttribute('rel', 'nofollow ugc noopener');
    // In "Reply to زهره احمدی" the isolated name stays after the English words.
    const heading = section.formHeading;
    await expect(heading).toHaveText(`Reply to ${name}`);
    const [before, isolated] = await heading.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element.firstChild!);
      return [range.getBoundingClientRect().right, element.querySelector('bdi')!.getBoundingClientRect().left];
    });
    expect(isolated).toBeGreaterThanOrEqual(before - 1);
    await expect(item.locator('bdi').first()).toHaveCSS('unicode-bidi', 'isolate');
    await context.close();
  });

  test('a reader without JavaScript replies through the Reply link, and can cancel', async ({ browser, baseURL }) => {
    const first = await approvedComment(baseURL!, { comment: 'The first comment.', name: 'Farid' });
    const second = await approvedComment(baseURL!, { comment: 'The second comment.', name: 'Sana Malik' });
    const context = await reader(browser, { javaScript: false });
    const page = await context.newPage();
    const section = new CommentSection(page);
    await section.gotoReply(SLUG, first);

    await section.replyLink('Sana Malik').click();
    await expect(page).toHaveURL(new RegExp(`/articles/${SLUG}/reply/${second}#leave-a-reply$`));
    await expect(section.formHeading).toHaveText('Reply to Sana Malik');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expect(section.cancelReply).toHaveAttribute('href', `/articles/${SLUG}#comments`);

    // This page was rendered just now, with a token of its own.
    await page.waitForTimeout(MIN_FILL_MS);
    const email = uniqueEmail('reply');
    await section.fill({ comment: 'A reply without JavaScript.', name: 'Bilal', email });
    await section.submit.click();
    await expect(section.alert).toHaveText(AWAITING);
    expect(commentsByEmail(email)).toMatchObject([{ parent_id: second, status: 'held' }]);

    // A reply to a comment that is not approved is refused.
    const held = commentsByEmail(email)[0]!.id;
    expect((await page.goto(`/articles/${SLUG}/reply/${held}`))?.status()).toBe(404);

    await section.gotoReply(SLUG, second);
    await section.cancelReply.click();
    await expect(page).toHaveURL(new RegExp(`/articles/${SLUG}#comments$`));
    await expect(section.formHeading).toHaveText('Leave a Reply');
    await context.close();
  });

  test('approved replies nest under the comment they answer', async ({ browser, baseURL }) => {
    const root = await approvedComment(baseURL!, { comment: 'Root of a thread.', name: 'Root Reader' });
    const child = await approvedComment(baseURL!, { comment: 'A reply.', name: 'Child Reader' }, root);
    const context = await reader(browser, { javaScript: false });
    const page = await context.newPage();
    const section = new CommentSection(page);
    await section.gotoReply(SLUG, child);
    await expect(section.commentItem(child)).toBeVisible();
    const parent = await section
      .commentItem(child)
      .evaluate((item) => item.closest('li')?.parentElement?.closest('li')?.querySelector(':scope > article')?.id);
    expect(parent).toBe(`comment-${root}`);
    await context.close();
  });

  test('a comment holding HTML shows it as text and runs nothing', async ({ browser, baseURL }) => {
    const payload = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> <b>bold?</b>';
    const id = await approvedComment(baseURL!, { comment: payload, name: '<i>Mallory</i>' });
    const context = await reader(browser, { javaScript: true });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const section = new CommentSection(page);
    await section.gotoReply(SLUG, id);

    const item = section.commentItem(id);
    await expect(item).toContainText(payload);
    await expect(item.locator('bdi').first()).toHaveText('<i>Mallory</i>');
    await expect(item.locator('script, img, b, i')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await context.close();
  });

  test('bodies far past the limits get a readable 413 page or a field message, never a 5xx', async ({ baseURL }) => {
    const form = await fetchCommentForm(baseURL!, SLUG);
    const values = { name: 'Big', email: uniqueEmail('big') };

    const past = await postComment(baseURL!, form, { ...values, comment: 'ب'.repeat(200_000) }, { headers: readerHeaders() });
    expect(past.status).toBe(200);
    expect(readFormOutcome(past.html).fieldErrors.comment).toBe('Your comment can be at most 65,525 characters (you have 200,000).');

    for (const size of [1024 * 1024, 10 * 1024 * 1024]) {
      const result = await postComment(baseURL!, form, { ...values, comment: 'a'.repeat(size) }, { headers: readerHeaders() });
      expect(result.status).toBe(413);
      expect(result.html).toContain('Your comment is too long to send');
      expect(result.html).toContain(`href="/articles/${SLUG}#comments"`);
    }
    // A streamed body of unknown length, far past the limit, is refused before it is read.
    const streamed = await postChunked(`${baseURL}/articles/${SLUG}`, 2 * 1024 * 1024);
    expect(streamed).toBe(411);
    expect(commentsByEmail(values.email)).toEqual([]);
  });

  test('with JavaScript a comment past the limit is not sent, and the field says why', async ({ browser }) => {
    const context = await reader(browser, { javaScript: true });
    const page = await context.newPage();
    const section = new CommentSection(page);
    await section.gotoArticle(SLUG);
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await section.fill({ comment: 'ب'.repeat(70_000), name: 'Long', email: uniqueEmail('long') });
    await section.submit.click();
    await expect(section.comment).toHaveAttribute('aria-invalid', 'true');
    await expect(section.comment).toHaveAccessibleDescription('Your comment can be at most 65,525 characters (you have 70,000).');
    await expect(section.comment).toBeFocused();
    expect(posts).toEqual([]);
    await context.close();
  });

  test('a POST without a valid token is refused and stores nothing', async ({ baseURL }) => {
    const form = await fetchCommentForm(baseURL!, SLUG);
    const email = uniqueEmail('token');
    const values = { comment: 'No token here.', name: 'Eve', email };
    const [version, issued, nonce, mac] = form.fields.token!.split('.');
    const forged = [version, issued, nonce, `${mac!.startsWith('A') ? 'B' : 'A'}${mac!.slice(1)}`].join('.');
    for (const token of [undefined, '', 'v1.forged', forged]) {
      const result = await postComment(baseURL!, form, { ...values, token }, { headers: readerHeaders() });
      expect(result.status).toBeLessThan(500);
      const outcome = readFormOutcome(result.html);
      expect(outcome.message).toBe('This form could not be checked. Your comment is kept: please submit it again.');
      expect(outcome.values.comment).toBe('No token here.');
    }
    // A form for another article does not carry over.
    const other = await fetchCommentForm(baseURL!, 'understanding-the-durand-line');
    const crossed = await postComment(baseURL!, form, { ...values, token: other.fields.token }, { headers: readerHeaders() });
    expect(readFormOutcome(crossed.html).message).toMatch(/could not be checked/);
    expect(commentsByEmail(email)).toEqual([]);
  });

  test('a retried submission is stored once; a form sends one comment, and the fresh form it answers with waits out the flood interval', async ({
    baseURL,
  }) => {
    const form = await fetchCommentForm(baseURL!, SLUG);
    const ip = uniqueIp();
    const email = uniqueEmail('retry');
    const values = { comment: 'Sent twice by a flaky network.', name: 'Retry', email };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const result = await postComment(baseURL!, form, values, { headers: readerHeaders(ip) });
      expect(readFormOutcome(result.html).message).toBe(AWAITING);
    }
    expect(commentsByEmail(email)).toHaveLength(1);

    // The same form with another comment, from the same reader: refused, the text kept, a fresh form given.
    const second = { ...values, comment: 'Another thought, right away.' };
    const again = await postComment(baseURL!, form, second, { headers: readerHeaders(ip) });
    const outcome = readFormOutcome(again.html);
    expect(outcome.message).toBe(
      'This form has already sent one of your comments. Your new comment is kept below: press Post Comment again to send it.',
    );
    expect(outcome.values.comment).toBe('Another thought, right away.');
    const fresh = parseCommentForm(again.html, new URL(`/articles/${SLUG}`, baseURL).href);
    expect(fresh.fields.token).not.toBe(form.fields.token);
    // Pressed again at once: the fresh form is accepted, and the flood interval asks to wait.
    const pressed = await postComment(baseURL!, fresh, second, { headers: readerHeaders(ip) });
    expect(readFormOutcome(pressed.html).message).toBe('Please wait a few seconds before posting another comment.');
    // Another reader of the same cached page posts with the first form.
    const other = uniqueEmail('same-page');
    const theirs = await postComment(
      baseURL!,
      form,
      { comment: 'Another reader, same page.', name: 'Neighbour', email: other },
      { headers: readerHeaders() },
    );
    expect(readFormOutcome(theirs.html).message).toBe(AWAITING);
    expect(commentsByEmail(email)).toHaveLength(1);
    expect(commentsByEmail(other)).toHaveLength(1);
  });

  test('a filled honeypot is stored as spam while the sender sees the usual notice', async ({ baseURL }) => {
    const form = await fetchCommentForm(baseURL!, SLUG);
    expect(Object.keys(form.fields)).toContain('company');
    const email = uniqueEmail('bot');
    const result = await postComment(
      baseURL!,
      form,
      { comment: 'Buy now', name: 'Bot', email, company: 'Spam Inc' },
      { headers: readerHeaders() },
    );
    expect(readFormOutcome(result.html).message).toBe(AWAITING);
    expect(commentsByEmail(email)).toMatchObject([{ status: 'spam' }]);
  });

  test('past 50 threads the comments continue on crawlable pages', async ({ page, baseURL }) => {
    const slug = 'how-provincial-budgets-are-made';
    const form = await fetchCommentForm(baseURL!, slug);
    const tag = uniqueEmail('page').split('@')[0]!;
    const ids: number[] = [];
    for (let i = 1; i <= 51; i += 1) {
      const email = `${tag}-${i}@example.com`;
      const result = await postComment(
        baseURL!,
        form,
        { comment: `Thread ${i} of many.`, name: `Reader ${i}`, email },
        { headers: readerHeaders() },
      );
      expect(readFormOutcome(result.html).message).toBe(AWAITING);
      ids.push(commentsByEmail(email)[0]!.id);
    }
    approve(...ids);

    // The reply page is rendered per request, so it already shows page 1 of the approved threads.
    const section = new CommentSection(page);
    await section.gotoReply(slug, ids[0]!);
    await expect(section.heading).toHaveText(/^\d+ Comments$/);
    const pages = section.region.getByRole('navigation', { name: 'Comment pages' });
    await expect(pages.getByRole('link', { name: 'Page 2' })).toHaveAttribute('href', `/articles/${slug}/comments/page/2#comments`);
    await expect(section.commentItem(ids[49]!)).toBeVisible();
    await expect(section.commentItem(ids[50]!)).toHaveCount(0);

    await pages.getByRole('link', { name: 'Later comments' }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${slug}/comments/page/2#comments$`));
    await expect(section.commentItem(ids[50]!)).toContainText('Thread 51 of many.');
    await expect(section.region.getByRole('link', { name: 'Page 1' })).toHaveAttribute('href', `/articles/${slug}#comments`);
    await expect(section.formHeading).toHaveText('Leave a Reply');

    for (const missing of ['3', '1', '02', 'two']) {
      expect((await page.goto(`/articles/${slug}/comments/page/${missing}`))?.status()).toBe(404);
    }
  });

  test('a database that stays locked keeps the text and asks to try again, never a 5xx', async ({ baseURL }) => {
    const form = await fetchCommentForm(baseURL!, SLUG);
    const email = uniqueEmail('locked');
    const values = { comment: 'Written while the database is busy.', name: 'Patient', email };
    // The server opens (and creates) its database on first use.
    expect((await fetch(new URL('/api/health', baseURL))).status).toBe(200);
    const lock = openDatabase(mainServerDatabase(), { readonly: false });
    lock.exec('BEGIN EXCLUSIVE');
    let result: Awaited<ReturnType<typeof postComment>>;
    try {
      // The server waits its busy timeout for the lock, then gives up.
      result = await postComment(baseURL!, form, values, { headers: readerHeaders() });
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
    expect(result.status).toBe(200);
    const outcome = readFormOutcome(result.html);
    expect(outcome.message).toBe('We could not save your comment just now. It is kept below: please try again in a moment.');
    expect(outcome.values).toMatchObject({ comment: values.comment, name: 'Patient', email });
    expect(commentsByEmail(email)).toEqual([]);

    const retried = await postComment(baseURL!, form, values, { headers: readerHeaders() });
    expect(readFormOutcome(retried.html).message).toBe(AWAITING);
    expect(commentsByEmail(email)).toHaveLength(1);
  });

  test('/api/health reports the database', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toContain('no-store');
    expect(await response.json()).toEqual({ status: 'ok', database: 'sqlite' });
  });
});

/** POSTs `bytes` of form data with chunked transfer encoding (no Content-Length); resolves to the status. */
function postChunked(url: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    // Once answered, a reset from the server closing early changes nothing (the promise is settled).
    request.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    for (let sent = 0; sent < bytes; sent += chunk.length) request.write(chunk);
    request.end();
  });
}
