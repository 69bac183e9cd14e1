import { expect, test } from '@playwright/test';
import { JSDOM } from 'jsdom';

import { ModerationPage } from './pages/moderation-page';
import { fetchCommentForm, MIN_FILL_MS, postComment } from './support/form';
import { E2E_MODERATOR_PASSWORD, TestServer } from './support/server';
import { freshToken, isAcknowledged, openDatabase, readerHeaders, runTag, uniqueIp } from './support/submissions';

// An email address never appears in a public page, feed, JSON, RSC payload,
// error message, cookie or log line. 50 comments carry unique sentinel
// addresses; then every public URL is crawled and the server's log read.
// The run's random tag occurs only inside those addresses, so finding it
// anywhere (even a local part alone) is a leak.

const ARTICLES = [
  'how-pakistan-runs-a-general-election',
  'hijri-shamsi-calendar-explained',
  'understanding-the-durand-line',
  'how-polio-vaccination-campaigns-work',
  'sharing-the-regions-rivers',
];

const START = [
  '/',
  '/robots.txt',
  '/sitemap.xml',
  '/news-sitemap.xml',
  '/feed.xml',
  '/atom.xml',
  '/feed.json',
  '/api/health',
  '/moderation',
  '/no-such-page',
  ...ARTICLES.map((slug) => `/articles/${slug}`),
];

const MAX_URLS = 700;

/** Same-site paths named in a page, feed or sitemap (absolute URLs of the configured site included). */
function linksIn(body: string, contentType: string, base: string): string[] {
  const found: string[] = [];
  if (contentType.includes('html')) {
    const { document } = new JSDOM(body).window;
    for (const element of Array.from(document.querySelectorAll('a[href], link[href]'))) found.push(element.getAttribute('href') ?? '');
  } else {
    for (const match of body.matchAll(/https?:\/\/[^\s"'<>]+/g)) found.push(match[0]);
  }
  const paths: string[] = [];
  for (const href of found) {
    try {
      const url = new URL(href.replace(/&amp;/g, '&'), base);
      const local = url.origin === new URL(base).origin || ['localhost:3000', '127.0.0.1:3000'].includes(url.host);
      if (local && (url.protocol === 'http:' || url.protocol === 'https:')) paths.push(`${url.pathname}${url.search}`);
    } catch {
      // Not a URL.
    }
  }
  return paths;
}

test.describe('privacy', () => {
  test('50 sentinel email addresses appear in no public URL, RSC payload, header or server log line', async ({ browser }) => {
    test.setTimeout(300_000);
    const tag = runTag();
    const sentinel = (i: number) => `sentinel-${tag}-${i}@example.test`;
    const server = await TestServer.start({ env: { MODERATOR_PASSWORD: E2E_MODERATOR_PASSWORD } });
    try {
      const base = server.baseURL;
      const tokens = new Map<string, string>();
      for (const slug of ARTICLES) tokens.set(slug, await freshToken(base, slug));
      // A second form for the first article: the same text again from another form is a duplicate, not a retry.
      const secondToken = await freshToken(base, ARTICLES[0]!);
      await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS));

      // 40 comments, then 10 replies to them once approved.
      const post = async (i: number, slug: string, replyTo?: number) => {
        const form = await fetchCommentForm(base, slug, { replyTo });
        return postComment(
          base,
          form,
          { token: tokens.get(slug), name: `Privacy reader ${i}`, email: sentinel(i), comment: `Privacy check comment ${i}.`, website: '' },
          { headers: readerHeaders() },
        );
      };
      const form = await fetchCommentForm(base, ARTICLES[0]!);
      const refuse = async (values: Record<string, string>) => {
        const result = await postComment(
          base,
          form,
          { token: secondToken, name: 'Privacy refusal', website: '', ...values },
          {
            headers: readerHeaders(uniqueIp()),
          },
        );
        expect(result.status, values.email).toBeLessThan(500);
        expect(isAcknowledged(result), values.email).toBe(false);
      };
      for (let i = 0; i < 40; i += 1) {
        expect(isAcknowledged(await post(i, ARTICLES[i % ARTICLES.length]!)), `comment ${i}`).toBe(true);
        // Flood control by email address, from another IP address, right after the first comment.
        if (i === 0) await refuse({ comment: 'Privacy check, again at once.', email: sentinel(0) });
      }

      // Paths that log or answer with errors, each with a sentinel address:
      // refused fields, a duplicate, a too-fast form.
      await refuse({ comment: '', email: sentinel(100) });
      await refuse({ comment: 'x'.repeat(70_000), email: sentinel(101) });
      await refuse({ comment: 'Privacy check comment 5.', email: sentinel(5) });
      await refuse({ comment: 'Bad website', email: sentinel(102), website: 'javascript:alert(1)' });
      await refuse({ comment: 'Bad email', email: `sentinel-${tag}-104@@example.test` });
      const tooFast = await postComment(
        base,
        form,
        { token: await freshToken(base, ARTICLES[0]!), name: 'Quick', email: sentinel(103), comment: 'Too fast.' },
        {
          headers: readerHeaders(),
        },
      );
      expect(isAcknowledged(tooFast)).toBe(false);

      const context = await browser.newContext({ baseURL: base });
      const page = await context.newPage();
      const moderation = new ModerationPage(page);
      await moderation.signIn();
      const approveAll = async () => {
        for (;;) {
          await moderation.goto('held', '?per=200');
          const ids = await moderation.listedIds();
          if (ids.length === 0) return;
          await page
            .locator('input[name="ids"]')
            .evaluateAll((boxes) => boxes.forEach((box) => ((box as HTMLInputElement).checked = true)));
          await page.getByLabel('With the selected comments').selectOption({ label: 'Approve' });
          await moderation.submitWith(page.getByRole('button', { name: 'Apply to selected' }));
        }
      };
      await approveAll();
      let db = openDatabase(server.database);
      const approved = db.prepare("SELECT id, article_slug FROM comments WHERE status = 'approved' ORDER BY id").all() as Array<{
        id: number;
        article_slug: string;
      }>;
      db.close();
      for (let i = 40; i < 50; i += 1) {
        const parent = approved[i - 40]!;
        expect(isAcknowledged(await post(i, parent.article_slug, parent.id)), `reply ${i}`).toBe(true);
      }
      await approveAll();
      // The moderator sees the addresses: the sentinels are real.
      await moderation.goto('approved', '&per=200');
      await expect(page.getByText(sentinel(45))).toBeVisible();

      // While another process holds the database's write lock, a submission and a moderation
      // action fail as "busy": those error paths log, and must not log an address.
      const lock = openDatabase(server.database, { readonly: false });
      lock.exec('BEGIN IMMEDIATE');
      try {
        const busy = await postComment(
          base,
          form,
          { token: secondToken, name: 'Privacy busy', email: sentinel(105), comment: 'Posted while the database is locked.', website: '' },
          { headers: readerHeaders() },
        );
        expect(busy.status).toBeLessThan(500);
        expect(isAcknowledged(busy)).toBe(false);
        await moderation.act(approved[0]!.id, 'hold');
        await expect(page.getByRole('main').getByRole('alert')).toContainText('busy');
      } finally {
        lock.exec('ROLLBACK');
        lock.close();
      }
      await context.close();

      db = openDatabase(server.database);
      const stored = (
        db.prepare("SELECT count(*) AS n FROM comments WHERE status = 'approved' AND email LIKE ?").get(`sentinel-${tag}-%`) as {
          n: number;
        }
      ).n;
      db.close();
      expect(stored).toBe(50);

      // Crawl every public URL, as HTML and as an RSC payload.
      const reply = approved.map((comment) => `/articles/${comment.article_slug}/reply/${comment.id}`);
      const queue = [...START, ...reply];
      const seen = new Set<string>();
      const leaks: string[] = [];
      let requests = 0;
      let commentsSeen = 0;
      while (queue.length > 0 && seen.size < MAX_URLS) {
        const path = queue.shift()!;
        if (seen.has(path)) continue;
        seen.add(path);
        for (const rsc of [false, true]) {
          const response = await fetch(`${base}${path}`, { headers: rsc ? { RSC: '1' } : {}, redirect: 'manual' });
          const body = await response.text();
          requests += 1;
          expect(response.status, `${rsc ? 'RSC ' : ''}${path}`).toBeLessThan(500);
          const headers = JSON.stringify([...response.headers.entries()]);
          if (body.includes(tag) || headers.includes(tag)) leaks.push(`${rsc ? 'RSC ' : ''}${path}`);
          if (!rsc) {
            commentsSeen += (body.match(/Privacy check comment \d+\./g) ?? []).length;
            const location = response.headers.get('location');
            if (location) queue.push(...linksIn(`<a href="${location}"></a>`, 'text/html', base));
            for (const link of linksIn(body, response.headers.get('content-type') ?? '', base)) {
              if (!seen.has(link) && !link.startsWith('/_next/')) queue.push(link);
            }
          }
        }
      }
      await server.stop();
      const log = server.log;
      const kinds = new Map<string, number>();
      for (const path of seen) {
        const kind = path.split(/[/?]/)[1] || '(home)';
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      console.log(`privacy: crawled by section: ${[...kinds].map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
      console.log(
        `privacy: 50 sentinel addresses stored and approved; crawled ${seen.size} URLs (${requests} requests, HTML and RSC), ` +
          `${commentsSeen} comment texts seen; server log ${log.length} characters; leaks: ${leaks.length}, in log: ${log.includes(tag)}`,
      );
      expect(commentsSeen).toBeGreaterThanOrEqual(50);
      expect(leaks).toEqual([]);
      expect(log).not.toContain(tag);
      expect(log).not.toMatch(/sentinel-[0-9a-f]+-\d+@/);
    } finally {
      await server.dispose();
    }
  });
});
