// Two app servers sharing one state through real servers: PostgreSQL (comments),
// Redis (the page cache, publications, the publication clock), nginx in front
// with the shipped config. Both servers read one copy of content/, as two
// servers that pulled the same commit do.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium, type Browser } from '@playwright/test';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppServer, newCommentSecret, Nginx, Redis, startPostgres } from '@/scripts/cluster/servers';
import { ModerationPage } from '@/tests/e2e/pages/moderation-page';
import { E2E_MODERATOR_PASSWORD } from '@/tests/e2e/support/server';
import { commentForm, submit, submitAcknowledged } from '@/tests/e2e/support/submissions';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@/tests/support/chromium';

const ARTICLE = 'how-policing-works-in-pakistans-provinces';
const SECRET = 'cluster-revalidate-secret';
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function text(url: string): Promise<{ status: number; body: string; cache: string | null }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  return { status: response.status, body: await response.text(), cache: response.headers.get('x-nextjs-cache') };
}

/** Seconds until `check` holds for every one of `bases` (nginx, A, B), polling; fails after `limitS`. */
async function secondsUntil(bases: string[], check: (base: string) => Promise<boolean>, limitS = 10): Promise<number> {
  const started = Date.now();
  const pending = new Set(bases);
  while (Date.now() - started < limitS * 1_000) {
    for (const base of [...pending]) if (await check(base)) pending.delete(base);
    if (pending.size === 0) return (Date.now() - started) / 1_000;
    await sleep(250);
  }
  throw new Error(`Not seen within ${limitS} s on ${[...pending].join(', ')}`);
}

function articleFile(title: string, date: Date): string {
  return [
    '---',
    `title: "${title}"`,
    `date: ${date.toISOString()}`,
    'author: desk-region',
    'categories: [Politics]',
    'tags: [elections]',
    '---',
    `${title}. Officials said the count would be published district by district.`,
    '',
  ].join('\n');
}

function publishTo(site: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSX, '--conditions=react-server', 'scripts/content-publish.ts', '--site', site],
      { env: { ...process.env, REVALIDATE_SECRET: SECRET }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, output: stdout + stderr }),
    );
  });
}

describe('two app servers sharing PostgreSQL and Redis behind nginx', () => {
  let postgres: Awaited<ReturnType<typeof startPostgres>>;
  let redis: Redis;
  let nginx: Nginx;
  let browser: Browser;
  const apps: AppServer[] = [];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cluster-content-'));
  const content = path.join(root, 'content');
  const app = (index: number): AppServer => {
    const server = apps[index];
    if (!server) throw new Error(`No app server ${index}.`);
    return server;
  };
  const bases = () => [nginx.url, app(0).url, app(1).url];
  const clockLines = () =>
    apps.flatMap((server) => server.log.split('\n').filter((line) => line.includes('Publication (clock): published')));

  beforeAll(async () => {
    fs.cpSync(path.resolve('content'), content, { recursive: true });
    fs.symlinkSync(path.resolve('public'), path.join(root, 'public'));
    [postgres, redis] = await Promise.all([startPostgres({ database: 'dateline_shared' }), Redis.start()]);
    const env = {
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      COMMENT_SECRET: newCommentSecret(),
      COMMENTS_SQLITE_PATH: undefined,
      MODERATOR_PASSWORD: E2E_MODERATOR_PASSWORD,
      REVALIDATE_SECRET: SECRET,
      DATELINE_CONTENT_DIR: content,
      TRUSTED_PROXIES: '127.0.0.1', // nginx
    };
    apps.push(...(await Promise.all(['A', 'B'].map((name) => AppServer.start({ env, name })))));
    nginx = await Nginx.start({ upstreams: apps.map((server) => server.address) });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await nginx?.stop();
    await Promise.all(apps.map((server) => server.dispose()));
    await redis?.stop();
    await postgres?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('shares one page cache: a page rendered by A is a cache hit on B', async () => {
    const page = '/articles/salang-pass-winter-maintenance';
    expect((await text(`${app(0).url}${page}`)).status).toBe(200);
    const onB = await text(`${app(1).url}${page}`);
    expect(onB.status).toBe(200);
    expect(onB.cache).toBe('HIT');
  });

  it('shows a comment posted through nginx and approved on B’s moderation page through nginx, A and B within 10 s', async () => {
    const tag = Date.now().toString(36);
    const email = `cluster-${tag}@example.test`;
    const body = `Cluster check ${tag}: the turnout table needs a source.`;
    // Every page is cached (in nginx and in Redis) before the comment exists.
    for (const base of bases()) expect((await text(`${base}/articles/${ARTICLE}`)).body).not.toContain(body);
    await submitAcknowledged(nginx.url, ARTICLE, { name: `Reader ${tag}`, email, comment: body, website: '' });
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    const { rows } = await client.query<{ id: number }>('SELECT id FROM comments WHERE email = $1', [email]);
    await client.end();
    const id = rows[0]?.id;
    expect(id).toBeDefined();

    const context = await browser.newContext({ baseURL: app(1).url });
    const moderation = new ModerationPage(await context.newPage());
    await moderation.signIn();
    await moderation.act(Number(id), 'approve');
    await context.close();
    const seconds = await secondsUntil(bases(), async (base) => (await text(`${base}/articles/${ARTICLE}`)).body.includes(body));
    expect(seconds).toBeLessThanOrEqual(10);
  });

  it('locks sign-in after five wrong passwords from one address, counted over A and B, with the time to wait', async () => {
    // One reader address (through nginx on loopback, a trusted proxy) trying A and B in turn.
    const contexts = await Promise.all(
      [app(0).url, app(1).url].map((baseURL) => browser.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.77' } })),
    );
    try {
      const pages = await Promise.all(contexts.map(async (context) => new ModerationPage(await context.newPage())));
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const moderation = pages[attempt % 2] as ModerationPage;
        await moderation.signIn({ password: `wrong-${attempt}` });
        await moderation.page.getByText('That password is not right.').waitFor({ timeout: 10_000 });
      }
      // The sixth, even with the right password, is refused without being checked.
      const sixth = pages[1] as ModerationPage;
      await sixth.signIn();
      await sixth.page.getByText('Too many sign-in attempts with a wrong password. Try again in 15 minutes.').waitFor({ timeout: 10_000 });
      expect(await sixth.queue.count()).toBe(0);
      expect(app(0).log + app(1).log).toContain('moderation: sign-in refused: wrong password (address ');
      expect(app(0).log + app(1).log).not.toContain('wrong-3');
    } finally {
      await Promise.all(contexts.map((context) => context.close()));
    }
  });

  it('ends a session on every server at sign-out: a cookie saved before opens nothing on A or B', async () => {
    const context = await browser.newContext({ baseURL: app(0).url });
    try {
      const moderation = new ModerationPage(await context.newPage());
      await moderation.signIn({ name: 'Night desk' });
      await moderation.signOutButton.waitFor({ timeout: 10_000 });
      const saved = (await context.cookies()).find((cookie) => cookie.name === 'dateline_moderator');
      expect(saved).toBeDefined();
      await moderation.submitWith(moderation.signOutButton);
      await moderation.page.getByText('You are signed out.').waitFor({ timeout: 10_000 });
      for (const base of [app(0).url, app(1).url]) {
        const replay = await fetch(`${base}/moderation`, { headers: { cookie: `dateline_moderator=${saved?.value}` } });
        const html = await replay.text();
        expect(html, base).toContain('Password');
        expect(html, base).not.toContain('Sign out');
      }
    } finally {
      await context.close();
    }
  });

  it('accepts a form token signed by A on B, and refuses a second comment from one address within 15 s, one sent to A and one to B', async () => {
    const ip = '10.201.7.9';
    // The form and its token come from A; the post goes to B.
    const fromA = await commentForm(app(0).url, ARTICLE);
    const toB = { ...fromA, action: fromA.action.replace(app(0).url, app(1).url) };
    const values = (n: number) => ({
      name: `Flood ${n}`,
      email: `flood-${n}-${Date.now()}@example.test`,
      comment: `Flood check ${n}.`,
      website: '',
    });
    const first = await submit(app(1).url, toB, values(1), { ip });
    expect(first.html).toContain('Your comment is awaiting moderation.');
    const second = await submit(app(0).url, await commentForm(app(0).url, ARTICLE), values(2), { ip });
    expect(second.html).toContain('Please wait a few seconds before posting another comment.');
    expect(second.html).not.toContain('Your comment is awaiting moderation.');
  });

  it('publishes an article sent to A only on the front page, its category page and the feed through nginx, A and B within 10 s, and takes it down the same way', async () => {
    const slug = 'cluster-district-count-published';
    const title = `District count published ${Date.now().toString(36)}`;
    fs.writeFileSync(path.join(content, 'articles', `${slug}.md`), articleFile(title, new Date(Date.now() - 60_000)));
    const published = await publishTo(app(0).url);
    expect(published.output).toContain(`Published 1 (${slug})`);
    expect(published.code).toBe(0);
    const listed = async (base: string) => {
      const [home, section, feed] = await Promise.all(['/', '/category/politics', '/feed.xml'].map((page) => text(`${base}${page}`)));
      return [home, section, feed].every((answer) => answer?.body.includes(`/articles/${slug}`));
    };
    expect(await secondsUntil(bases(), listed)).toBeLessThanOrEqual(10);

    fs.rmSync(path.join(content, 'articles', `${slug}.md`));
    const withdrawn = await publishTo(app(0).url);
    expect(withdrawn.output).toContain(`withdrawn 1 (${slug})`);
    const gone = async (base: string) => !(await listed(base)) && (await text(`${base}/articles/${slug}`)).status === 404;
    expect(await secondsUntil(bases(), gone)).toBeLessThanOrEqual(10);
    // B learnt of it from A, and says its content is the latest.
    const health = (await (await fetch(`${app(1).url}/api/health`)).json()) as { content?: { state: string } };
    expect(health.content?.state).toBe('current');
  });

  it('publishes a scheduled article exactly once with both servers running, and once more after the clock’s holder is killed', async () => {
    const slug = 'cluster-scheduled-results';
    const title = `Scheduled results ${Date.now().toString(36)}`;
    const before = clockLines().length;
    fs.writeFileSync(path.join(content, 'articles', `${slug}.md`), articleFile(title, new Date(Date.now() + 5_000)));
    expect((await publishTo(app(0).url)).code).toBe(0);
    // The clock checks every 15 s: published within about 20 s of its time.
    await secondsUntil(bases(), async (base) => (await text(`${base}/feed.xml`)).body.includes(`/articles/${slug}`), 40);
    await sleep(16_000); // one more tick of each clock: still once
    const lines = clockLines().slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`published 1 (${slug})`);
    const feed = (await text(`${nginx.url}/feed.xml`)).body;
    expect(feed.split(`<title>${title}</title>`).length - 1).toBe(1);

    // Kill the holder: the other takes the clock over when its lease runs out.
    const holder = apps.find((server) => server.log.includes(`Publication (clock): published 1 (${slug})`));
    const survivor = apps.find((server) => server !== holder);
    if (!holder || !survivor) throw new Error('No clock holder found in the logs.');
    await holder.kill();
    const next = 'cluster-scheduled-after-takeover';
    fs.writeFileSync(path.join(content, 'articles', `${next}.md`), articleFile(`${title} after takeover`, new Date(Date.now() + 5_000)));
    expect((await publishTo(survivor.url)).code).toBe(0);
    await secondsUntil([survivor.url], async (base) => (await text(`${base}/feed.xml`)).body.includes(`/articles/${next}`), 75);
    expect(survivor.log.split('\n').filter((line) => line.includes(`Publication (clock): published 1 (${next})`))).toHaveLength(1);
    await holder.restart();
  }, 180_000);

  it('keeps answering while Redis is stopped, and shares regenerations again once it is back', async () => {
    const page = `/articles/${ARTICLE}`;
    await redis.stop();
    for (const base of bases()) expect((await text(`${base}${page}`)).status).toBe(200);
    // A revalidation while Redis is away regenerates the page on the server that got it.
    const call = await fetch(`${app(0).url}/api/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ paths: [page] }),
    });
    expect(call.status).toBe(200);
    expect((await text(`${app(0).url}${page}`)).status).toBe(200);

    await redis.start();
    await secondsUntil(
      [app(0).url, app(1).url],
      async (base) => {
        const server = apps.find((candidate) => candidate.url === base);
        return server?.log.includes('is back; pages are shared again') ?? false;
      },
      15,
    );
    // Rendered by A into Redis, then a hit on B; revalidated on A, a miss on B.
    const other = '/articles/how-provincial-budgets-are-made';
    await text(`${app(0).url}${other}`);
    expect((await text(`${app(1).url}${other}`)).cache).toBe('HIT');
    await fetch(`${app(0).url}/api/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ paths: [other] }),
    });
    expect((await text(`${app(1).url}${other}`)).cache).toBe('MISS');
  });
});
