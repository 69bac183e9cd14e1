import { expect, test, type Page } from '@playwright/test';
import { JSDOM } from 'jsdom';

import { ModerationPage } from './pages/moderation-page';
import { fetchCommentForm, MIN_FILL_MS, postComment, type CommentForm, type CommentValues } from './support/form';
import { mainServerDatabase } from './support/server';
import { COMMENT_ARTICLE, freshToken, isAcknowledged, openDatabase, readerHeaders, runTag, storedByEmail } from './support/submissions';
import { XSS_PAYLOADS, XSS_WEBSITES } from './support/xss-payloads';

// Nothing a reader types may run in a reader's or a moderator's browser, and
// the comment region holds only the markup the site itself writes.

const ARTICLE = 'what-a-ceasefire-monitoring-mechanism-involves';
const SQL_ARTICLE = 'rail-links-and-dry-ports-in-northern-afghanistan';

/** What the comment region may contain: the site's own elements and attributes, nothing else. */
const ALLOWED = {
  tags: [
    'main',
    'section',
    'h1',
    'h2',
    'h3',
    'p',
    'a',
    'div',
    'span',
    'bdi',
    'time',
    'br',
    'article',
    'header',
    'nav',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'form',
    'label',
    'input',
    'textarea',
    'button',
    'select',
    'option',
  ],
  attributes: [
    'id',
    'class',
    'dir',
    'href',
    'rel',
    'datetime',
    'role',
    'tabindex',
    'name',
    'type',
    'value',
    'for',
    'rows',
    'required',
    'autocomplete',
    'data-depth',
    'data-avatar',
    'style',
    'action',
    'method',
    'enctype',
    'novalidate',
    'checked',
    'selected',
    'disabled',
    'maxlength',
    'aria-labelledby',
    'aria-label',
    'aria-hidden',
    'aria-current',
    'aria-describedby',
    'aria-invalid',
    'aria-atomic',
  ],
};

type Violation = string;

/** Walks the DOM under `selector` (in the browser) and lists everything outside the allowed set. */
async function violations(page: Page, selector: string): Promise<Violation[]> {
  return page.evaluate(
    ({ selector, tags, attributes }) => {
      const found: string[] = [];
      const roots = Array.from(document.querySelectorAll(selector));
      if (roots.length === 0) return [`no ${selector} on the page`];
      const allowedTags = new Set(tags);
      const allowedAttributes = new Set(attributes);
      const isSafeUrl = (value: string, base: string) => {
        const trimmed = value.trim();
        if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('?') || /^\/(?!\/)/.test(trimmed)) return true;
        try {
          const url = new URL(trimmed, base);
          return (url.protocol === 'http:' || url.protocol === 'https:') && /^https?:\/\//i.test(trimmed);
        } catch {
          return false;
        }
      };
      for (const root of roots) {
        for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
          const tag = element.localName;
          const where = `<${tag}${element.id ? `#${element.id}` : ''}>`;
          if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push(`foreign element ${where} (${element.namespaceURI})`);
          if (!allowedTags.has(tag)) found.push(`element ${where}`);
          for (const attribute of Array.from(element.attributes)) {
            const name = attribute.name.toLowerCase();
            if (name.startsWith('on')) found.push(`event handler ${name} on ${where}`);
            else if (!allowedAttributes.has(name)) found.push(`attribute ${name} on ${where}`);
            if (name === 'href' && !isSafeUrl(attribute.value, location.href))
              found.push(`href ${JSON.stringify(attribute.value)} on ${where}`);
            if (name === 'action' && attribute.value !== '' && !attribute.value.startsWith('/')) {
              found.push(`form action ${JSON.stringify(attribute.value.slice(0, 80))}`);
            }
            if (
              name === 'style' &&
              !(element.hasAttribute('data-avatar') && /^background-color:\s*hsl\(\d{1,3},?\s*45%,?\s*30%\);?$/.test(attribute.value))
            ) {
              found.push(`style ${JSON.stringify(attribute.value)} on ${where}`);
            }
          }
          if (tag === 'a' && element.hasAttribute('href')) {
            const url = new URL(element.getAttribute('href') ?? '', location.href);
            const rel = (element.getAttribute('rel') ?? '').split(/\s+/);
            if (url.origin !== location.origin && !(rel.includes('nofollow') && rel.includes('ugc'))) {
              found.push(`external link without rel="nofollow ugc": ${url.href}`);
            }
          }
        }
      }
      return found;
    },
    { selector, ...ALLOWED },
  );
}

type Job = { key: string; values: CommentValues; replyTo?: number };
type Outcome = { job: Job; acknowledged: boolean; status: number; message: string };

/**
 * Posts the jobs through the article's form (or a reply page's form) as
 * distinct readers, a few at a time. Each worker's token is fetched first and
 * aged past the minimum fill time once.
 */
async function submitAll(baseURL: string, jobs: Job[], workers = 6, article = ARTICLE): Promise<Outcome[]> {
  const tokens = await Promise.all(Array.from({ length: workers }, () => freshToken(baseURL, article)));
  await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS));
  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(
    tokens.map(async (token) => {
      const articleForm = await fetchCommentForm(baseURL, article);
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const form: CommentForm =
          job.replyTo === undefined ? articleForm : await fetchCommentForm(baseURL, article, { replyTo: job.replyTo });
        const result = await postComment(baseURL, form, { ...job.values, token }, { headers: readerHeaders() });
        expect(result.status, `${job.key} answered`).toBeLessThan(500);
        const message = new JSDOM(result.html).window.document.querySelector('#comments form [role="alert"]')?.textContent?.trim() ?? '';
        outcomes.push({ job, acknowledged: isAcknowledged(result), status: result.status, message });
      }
    }),
  );
  return outcomes;
}

function idOf(email: string): number {
  const db = openDatabase(mainServerDatabase());
  try {
    const [row] = storedByEmail(db, email);
    if (!row) throw new Error(`nothing stored for ${email}`);
    return row.id;
  } finally {
    db.close();
  }
}

/** Approves every held (or spam-filtered) comment of the article through the moderation page. */
async function approveAll(moderation: ModerationPage): Promise<number> {
  let approved = 0;
  for (const status of ['held', 'spam'] as const) {
    for (;;) {
      await moderation.goto(status, `${status === 'held' ? '?' : '&'}article=${ARTICLE}&per=200`);
      const ids = await moderation.listedIds();
      if (ids.length === 0) break;
      await moderation.page
        .locator('input[name="ids"]')
        .evaluateAll((boxes) => boxes.forEach((box) => ((box as HTMLInputElement).checked = true)));
      await moderation.page.getByLabel('With the selected comments').selectOption({ label: 'Approve' });
      await moderation.submitWith(moderation.page.getByRole('button', { name: 'Apply to selected' }));
      approved += ids.length;
    }
  }
  return approved;
}

/** The slug as a form would carry it: percent-decoded when that is valid UTF-8. */
function decoded(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

function watchForScript(page: Page, dialogs: string[]): void {
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`);
    await dialog.dismiss().catch(() => undefined);
  });
}

async function expectInert(page: Page, url: string, selector: string, dialogs: string[]): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await page.waitForLoadState('networkidle');
  // Focus and hover reach every element, so handlers that need them would have fired too.
  await page.keyboard.press('Tab');
  expect(await violations(page, selector), url).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `window.__xss on ${url}`).toBeUndefined();
  expect(dialogs, url).toEqual([]);
}

test.describe('abuse', () => {
  test(`stored XSS: ${XSS_PAYLOADS.length} payloads in every field, in replies and moderator edits, never run`, async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(420_000);
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(60);
    const dialogs: string[] = [];
    watchForScript(page, dialogs);
    const tag = runTag();
    const email = (kind: string, id: string) => `xss-${tag}-${kind}-${id}@example.test`;
    const singleLine = (text: string) => text.replace(/\n/g, ' ');

    // 1. New comments: each payload as name and text; each as website; the URL-shaped ones as websites too.
    const firstJobs: Job[] = [
      ...XSS_PAYLOADS.map(({ id, payload }) => ({
        key: `both-${id}`,
        values: { name: singleLine(payload), email: email('both', id), comment: payload, website: '' },
      })),
      ...XSS_PAYLOADS.map(({ id, payload }) => ({
        key: `website-${id}`,
        values: { name: `Website probe ${id}`, email: email('website', id), comment: `Website probe ${tag} ${id}`, website: payload },
      })),
      ...XSS_WEBSITES.map((website, i) => ({
        key: `url-${i}`,
        values: {
          name: XSS_PAYLOADS[i]!.payload,
          email: email('url', String(i)),
          comment: `${XSS_PAYLOADS[i]!.payload} ${website}`,
          website,
        },
      })),
      ...XSS_PAYLOADS.map(({ id }) => ({
        key: `edit-${id}`,
        values: { name: `Edit target ${id}`, email: email('edit', id), comment: `Edit target ${tag} ${id}`, website: '' },
      })),
    ];
    const first = await submitAll(baseURL!, firstJobs);
    const refused = first.filter((o) => !o.acknowledged);
    // Only the website field may refuse a payload (it takes http(s) addresses alone), and it says so.
    expect(refused.filter((o) => !o.job.key.startsWith('website-')).map((o) => `${o.job.key}: ${o.message}`)).toEqual([]);
    for (const outcome of refused) expect(outcome.message, outcome.job.key).toMatch(/correct the fields/);
    const acceptedWebsites = first.filter((o) => o.acknowledged && o.job.key.startsWith('website-')).length;

    const moderation = new ModerationPage(page);
    await moderation.signIn();
    const approvedFirst = await approveAll(moderation);

    // 2. Replies, through each comment's no-JavaScript reply page.
    const replyJobs: Job[] = XSS_PAYLOADS.map(({ id, payload }) => ({
      key: `reply-${id}`,
      replyTo: idOf(email('both', id)),
      values: { name: singleLine(payload), email: email('reply', id), comment: payload, website: '' },
    }));
    const replies = await submitAll(baseURL!, replyJobs);
    expect(replies.filter((o) => !o.acknowledged).map((o) => `${o.job.key}: ${o.message}`)).toEqual([]);
    const approvedReplies = await approveAll(moderation);

    // 3. Moderator edits: the payloads as name, website and text of approved comments,
    //    posted as the edit form posts them without JavaScript.
    const cookie = (await page.context().cookies()).find((c) => c.name === 'dateline_moderator');
    const editOutcomes: Record<string, number> = {};
    for (const [i, { id, payload }] of XSS_PAYLOADS.entries()) {
      const commentId = idOf(email('edit', id));
      const detail = await (
        await fetch(`${baseURL}/moderation/comments/${commentId}`, { headers: { cookie: `dateline_moderator=${cookie?.value}` } })
      ).text();
      const form = new JSDOM(detail).window.document.querySelector(`form[aria-labelledby="edit-heading"]`);
      const body = new FormData();
      for (const input of Array.from(form?.querySelectorAll('input[type="hidden"]') ?? [])) {
        body.append(input.getAttribute('name') ?? '', input.getAttribute('value') ?? '');
      }
      body.append('name', singleLine(payload));
      body.append('email', email('edit', id));
      body.append('website', i % 3 === 0 ? (XSS_WEBSITES[i % XSS_WEBSITES.length] ?? '') : '');
      body.append('comment', payload);
      const response = await fetch(`${baseURL}/moderation/comments/${commentId}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: baseURL!, cookie: `dateline_moderator=${cookie?.value}` },
        body,
      });
      editOutcomes[String(response.status)] = (editOutcomes[String(response.status)] ?? 0) + 1;
      expect(response.status, `edit ${id}`).toBe(303);
    }
    // A few through the browser as well, with JavaScript running.
    for (const { id, payload } of XSS_PAYLOADS.slice(0, 3)) {
      await page.goto(`/moderation/comments/${idOf(email('both', id))}`);
      const form = page.getByRole('form', { name: /^Edit comment/ });
      await form.getByLabel('Website').fill(XSS_WEBSITES[0]!);
      await form.getByLabel('Comment').fill(`${payload}\n\nEdited in the browser.`);
      await moderation.submitWith(form.getByRole('button', { name: 'Save changes' }));
      await expect(page.getByRole('main').getByRole('status')).toHaveText('Your changes to the comment were saved.');
    }

    console.log(
      `abuse: corpus ${XSS_PAYLOADS.length} payloads (+${XSS_WEBSITES.length} URL-shaped websites); new comments sent ${first.length}, ` +
        `stored ${first.length - refused.length} (website field refused ${refused.length}, accepted ${acceptedWebsites}); ` +
        `replies ${replies.length}; approved in /moderation ${approvedFirst + approvedReplies}; moderator edits ${XSS_PAYLOADS.length + 3} ` +
        `(HTTP ${JSON.stringify(editOutcomes)})`,
    );

    // 4. Everything is approved: open what readers and moderators see.
    const articleResponse = await page.goto(`/articles/${ARTICLE}`);
    expect(articleResponse?.status()).toBe(200);
    const pageLinks = await page
      .locator('nav[aria-label="Comment pages"] a')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    const commentPages = [...new Set([`/articles/${ARTICLE}`, ...pageLinks])];
    expect(commentPages.length).toBeGreaterThan(1);
    for (const url of commentPages) await expectInert(page, url, '#comments', dialogs);
    for (const { id } of XSS_PAYLOADS.slice(0, 8)) {
      await expectInert(page, `/articles/${ARTICLE}/reply/${idOf(email('both', id))}`, '#comments', dialogs);
    }
    for (const status of ['approved', 'held'] as const) {
      await expectInert(page, `/moderation?status=${status}&article=${ARTICLE}&per=200`, 'main', dialogs);
    }
    for (const { id } of XSS_PAYLOADS.filter((_, i) => i % 15 === 0)) {
      await expectInert(page, `/moderation/comments/${idOf(email('edit', id))}`, 'main', dialogs);
      await expectInert(page, `/moderation/comments/${idOf(email('reply', id))}`, 'main', dialogs);
    }
    expect(dialogs).toEqual([]);
  });

  test('SQL metacharacters round-trip byte for byte, in the database and on the page', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    // An article of its own, so these are on its first page of comments.
    const article = SQL_ARTICLE;
    const tag = runTag();
    const samples = [
      "'; DROP TABLE comments; --",
      '" OR 1=1 --',
      "' OR '1'='1",
      "Robert'); DROP TABLE students;--",
      'back\\slash \\\' \\" \\\\ \\x00 \\n',
      '100% of _all_ %_ LIKE wildcards',
      '$1 $$ ?1 ?? :name @p0 ${x}',
      '/* comment */ UNION SELECT email FROM comments --',
      '`backticks` [brackets] {braces} ; semicolons',
    ];
    const jobs: Job[] = samples.map((sample, i) => ({
      key: `sql-${i}`,
      values: {
        name: `${sample} ${tag}`.slice(0, 245),
        email: `sql-${tag}-${i}@example.test`,
        comment: `SQL ${tag} ${i}: ${sample}`,
        website: `https://example.com/?q=${encodeURIComponent(sample)}`,
      },
    }));
    const outcomes = await submitAll(baseURL!, jobs, 3, article);
    expect(outcomes.filter((o) => !o.acknowledged).map((o) => `${o.job.key}: ${o.message}`)).toEqual([]);

    const db = openDatabase(mainServerDatabase());
    try {
      expect((db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'comments'").get() as { n: number }).n).toBe(1);
      for (const job of jobs) {
        const rows = storedByEmail(db, job.values.email!);
        expect(rows, job.key).toHaveLength(1);
        expect(rows[0]!.name, job.key).toBe(job.values.name);
        expect(rows[0]!.body, job.key).toBe(job.values.comment);
        expect(rows[0]!.website, job.key).toBe(job.values.website);
      }
    } finally {
      db.close();
    }

    const moderation = new ModerationPage(page);
    await moderation.signIn();
    await moderation.goto('held', `?article=${article}&per=200`);
    const ids = jobs.map((job) => idOf(job.values.email!));
    await moderation.bulk(ids, 'approve');
    for (const job of jobs) {
      // The moderation list shows the text exactly.
      const item = moderation.page.locator(`article[aria-labelledby="comment-${idOf(job.values.email!)}-name"]`);
      await expect(item).toHaveCount(0);
    }
    await moderation.goto('approved', `&article=${article}&per=200`);
    for (const job of jobs) {
      const id = idOf(job.values.email!);
      const texts = await moderation.comment(id).evaluate((el) => ({
        name: el.querySelector('h3 bdi')?.textContent,
        body: el.querySelector('p[dir="auto"]')?.textContent,
      }));
      expect(texts, job.key).toEqual({ name: job.values.name, body: job.values.comment });
    }
    await expect
      .poll(
        async () => {
          const html = await (await fetch(`${baseURL}/articles/${article}`)).text();
          const { document } = new JSDOM(html).window;
          return jobs.every((job) => {
            const element = document.getElementById(`comment-${idOf(job.values.email!)}`);
            return (
              element?.querySelector('h3 bdi')?.textContent === job.values.name &&
              element?.querySelector('p[dir="auto"]')?.textContent === job.values.comment
            );
          });
        },
        { timeout: 15_000 },
      )
      .toBe(true);
  });

  test('slug traversal and over-long slugs get 404 or 400, never a 500, in URLs and as the comment POST target', async ({
    request,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const long = 'a'.repeat(5_000);
    const slugs = [
      '..%2F..%2Fetc%2Fpasswd',
      '..%2f..%2f..%2fpackage.json',
      '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '..%5C..%5Cwindows%5Cwin.ini',
      '%00',
      'a%00b',
      `${ARTICLE}%00`,
      `${ARTICLE}%00.md`,
      '%C0%AE%C0%AE%2F',
      '%E2%80%AEevil',
      `${ARTICLE}.md`,
      long,
      `${ARTICLE}-${long}`,
    ];
    const urls = slugs.flatMap((slug) => [
      `/articles/${slug}`,
      `/articles/${slug}/comments/page/2`,
      `/articles/${slug}/reply/1`,
      `/api/comments/token?article=${slug}`,
    ]);
    urls.push(
      `/articles/${ARTICLE}/reply/..%2F..%2F1`,
      `/articles/${ARTICLE}/reply/${'9'.repeat(5_000)}`,
      `/articles/${ARTICLE}/comments/page/..%2F2`,
      `/articles/${ARTICLE}/comments/page/%00`,
      '/moderation/comments/..%2F..%2Fetc%2Fpasswd',
      `/moderation/comments/${'1'.repeat(5_000)}`,
    );
    // Dot segments are resolved as in any URL (`/articles/..` is `/`): never a file outside the site, never a 500.
    for (const url of ['/articles/..', '/articles/%2E%2E', '/articles/%2e%2e/%2e%2e/etc/passwd', `/articles/${ARTICLE}/../../etc/passwd`]) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), `GET ${url}`).toBeLessThan(500);
      expect(await response.text()).not.toContain('root:x:0:0');
    }
    // Every answer is collected first, so a failure lists all offending addresses at once.
    const wrong: string[] = [];
    for (const url of urls) {
      const response = await request.get(url, { maxRedirects: 0 });
      if (![400, 404].includes(response.status())) wrong.push(`GET ${url.slice(0, 100)} → ${response.status()}`);
      expect(await response.text()).not.toContain('root:x:0:0');
    }

    // The real comment form, posted to each of those addresses, and with a traversal slug inside.
    const form = await fetchCommentForm(baseURL!, COMMENT_ARTICLE);
    const token = await freshToken(baseURL!, COMMENT_ARTICLE);
    await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS));
    const tag = runTag();
    for (const [i, slug] of slugs.entries()) {
      const values = {
        token,
        name: 'Traversal',
        email: `traversal-${tag}-${i}@example.test`,
        comment: `Traversal ${tag} ${i}`,
        website: '',
      };
      const target = await postComment(baseURL!, { ...form, action: new URL(`/articles/${slug}`, baseURL).href }, values, {
        headers: readerHeaders(),
      });
      if (![400, 404].includes(target.status)) wrong.push(`POST /articles/${slug.slice(0, 60)} → ${target.status}`);
      const inside = await postComment(
        baseURL!,
        form,
        { ...values, articleSlug: decoded(slug) },
        {
          headers: readerHeaders(),
        },
      );
      expect(inside.status, `articleSlug=${slug.slice(0, 60)}`).toBeLessThan(500);
      expect(isAcknowledged(inside), `articleSlug=${slug.slice(0, 60)}`).toBe(false);
    }
    expect(wrong).toEqual([]);
    const db = openDatabase(mainServerDatabase());
    try {
      const stored = db.prepare("SELECT count(*) AS n FROM comments WHERE email LIKE 'traversal-' || ? || '-%'").get(tag) as { n: number };
      expect(stored.n).toBe(0);
    } finally {
      db.close();
    }
  });
});
