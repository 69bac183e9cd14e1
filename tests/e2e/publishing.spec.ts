// Publishing without a rebuild: a running production server reads added,
// changed and removed article files when asked (POST /api/revalidate with
// {"content": true}, as a git hook or CI does after a pull), and publishes a
// scheduled article by itself when its time comes. Each test server reads its
// own copy of the content folder, so the checkout's content is never touched.
import fs from 'node:fs';
import path from 'node:path';

import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';

import { BUILD_DIR } from '@/scripts/cluster/servers';

import { jsonLdNodes } from './support/seo';
import { startOnContentCopy, type TestServer } from './support/server';
import { openDatabase, runTag, storedByEmail, submitAcknowledged } from './support/submissions';

const SECRET = 'e2e-publishing-secret';

type Site = { server: TestServer; content: string; api: APIRequestContext; dispose(): Promise<void> };

/** startOnContentCopy, with the publishing secret and a request context for the API. */
async function startSite(beforeStart?: (content: string) => void): Promise<Site> {
  const { server, content, dispose } = await startOnContentCopy({ REVALIDATE_SECRET: SECRET }, beforeStart);
  const api = await playwrightRequest.newContext({ baseURL: server.baseURL });
  return {
    server,
    content,
    api,
    async dispose() {
      await api.dispose();
      await dispose();
    },
  };
}

function articleFile(fields: { title: string; date: Date; categories: string; tags: string }): string {
  return [
    '---',
    `title: "${fields.title}"`,
    `date: ${fields.date.toISOString()}`,
    'author: desk-region',
    `categories: ${fields.categories}`,
    `tags: ${fields.tags}`,
    '---',
    `${fields.title}. Officials on both sides said the crossing would open to trucks first and to travellers next week.`,
    '',
    '## What changes',
    '',
    'Traders expect waiting times at the border to fall by half.',
    '',
  ].join('\n');
}

async function publish(api: APIRequestContext, token = SECRET) {
  return api.post('/api/revalidate', { headers: { Authorization: `Bearer ${token}` }, data: { content: true } });
}

/** What a reader and a feed reader see of an article right now. */
async function visibility(api: APIRequestContext, slug: string, title: string) {
  const [page, home, section, feed, sitemap] = await Promise.all([
    api.get(`/articles/${slug}`),
    api.get('/'),
    api.get('/category/security'),
    api.get('/feed.xml'),
    api.get('/sitemap.xml'),
  ]);
  const pageText = page.status() === 200 ? await page.text() : '';
  return {
    page: page.status(),
    headline: pageText.includes(title),
    home: (await home.text()).includes(`/articles/${slug}"`),
    section: (await section.text()).includes(`/articles/${slug}"`),
    feed: (await feed.text()).includes(`/articles/${slug}<`),
    sitemap: (await sitemap.text()).includes(`/articles/${slug}<`),
  };
}

const LIVE = { page: 200, headline: true, home: true, section: true, feed: true, sitemap: true };
const ABSENT = { page: 404, headline: false, home: false, section: false, feed: false, sitemap: false };

test.describe('publishing without a rebuild', () => {
  let site: Site;

  test.beforeAll(async () => {
    site = await startSite();
  });

  test.afterAll(async () => {
    await site?.dispose();
  });

  test('a new article is live, listed and in the feeds as soon as the call returns', async () => {
    const { api, content } = site;
    const slug = 'border-crossing-reopens';
    const title = 'Border crossing reopens after talks';
    // Every page it will appear on is in the server's cache before the call.
    expect(await visibility(api, slug, title)).toEqual(ABSENT);

    const date = new Date(Date.now() - 60_000);
    fs.writeFileSync(
      path.join(content, 'articles', `${slug}.md`),
      articleFile({ title, date, categories: '[Security, Region]', tags: '[border, trade]' }),
    );
    const response = await publish(api);
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ published: [slug], updated: [], withdrawn: [], parsed: 1, everything: false });
    expect(body.revalidated).toEqual(
      expect.arrayContaining([`/articles/${slug}`, '/', '/category/security', '/tag/border', '/feed.xml', '/sitemap.xml']),
    );

    expect(await visibility(api, slug, title)).toEqual(LIVE);
  });

  test('a correction replaces the article everywhere, and a deleted article is gone', async () => {
    const { api, content } = site;
    const slug = 'curfew-lifted-in-the-valley';
    const file = path.join(content, 'articles', `${slug}.md`);
    const date = new Date(Date.now() - 120_000);
    fs.writeFileSync(file, articleFile({ title: 'Curfew lifted in the valley', date, categories: '[Security]', tags: '[curfew]' }));
    expect((await publish(api)).status()).toBe(200);
    expect(await visibility(api, slug, 'Curfew lifted in the valley')).toEqual(LIVE);

    fs.writeFileSync(file, articleFile({ title: 'Curfew eased in the valley', date, categories: '[Security]', tags: '[curfew]' }));
    const corrected = await publish(api);
    expect(await corrected.json()).toMatchObject({ published: [], updated: [slug], withdrawn: [], parsed: 1 });
    expect(await visibility(api, slug, 'Curfew eased in the valley')).toEqual(LIVE);
    expect(await (await api.get('/feed.xml')).text()).not.toContain('Curfew lifted');

    fs.rmSync(file);
    const deleted = await publish(api);
    expect(await deleted.json()).toMatchObject({ withdrawn: [slug], parsed: 0 });
    expect(await visibility(api, slug, 'Curfew eased in the valley')).toEqual(ABSENT);
  });

  test('a takedown is off the site as soon as the call returns, and answers 410 from the next build on', async () => {
    const { api, content } = site;
    const slug = 'disputed-figures-on-checkpoints';
    const title = 'Disputed figures on checkpoints';
    const file = path.join(content, 'articles', `${slug}.md`);
    fs.writeFileSync(file, articleFile({ title, date: new Date(Date.now() - 180_000), categories: '[Security]', tags: '[checkpoints]' }));
    expect((await publish(api)).status()).toBe(200);
    expect(await visibility(api, slug, title)).toEqual(LIVE);

    fs.rmSync(file);
    fs.appendFileSync(
      path.join(content, 'removed.yml'),
      `\n- slug: ${slug}\n  removed: 2026-11-26\n  reason: Withdrawn at the request of the source.\n`,
    );
    const response = await publish(api);
    expect(await response.json()).toMatchObject({ withdrawn: [slug] });
    // Removed addresses are routed to their 410 answer at build; until then the page is a 404.
    expect(await visibility(api, slug, title)).toEqual(ABSENT);
    const gone = await api.get(`/api/removed/${slug}`);
    expect(gone.status()).toBe(410);
    expect(await gone.text()).toContain('Withdrawn at the request of the source.');
  });

  test('content with problems is refused with the list of problems, and the site keeps the previous version', async () => {
    const { api, content } = site;
    const broken = path.join(content, 'articles', 'half-written.md');
    fs.writeFileSync(broken, '---\ntitle: "Half written"\ndate: tomorrow\n---\nNot ready.\n');
    try {
      const response = await publish(api);
      expect(response.status()).toBe(422);
      const body = await response.json();
      expect(body.error).toContain('keeps serving the previous version');
      expect(body.problems).toEqual(
        expect.arrayContaining([expect.stringMatching(/articles\/half-written\.md:3: date: "tomorrow" is not an ISO 8601 date/)]),
      );
      expect((await api.get('/articles/half-written')).status()).toBe(404);
      expect((await api.get('/')).status()).toBe(200);
    } finally {
      fs.rmSync(broken);
    }
    expect((await publish(api)).status()).toBe(200);
  });

  test('refuses callers without the secret and explains a malformed request', async () => {
    const { api } = site;
    const refused = await publish(api, 'wrong-secret');
    expect(refused.status()).toBe(401);
    expect(refused.headers()['www-authenticate']).toBe('Bearer');
    const malformed = await api.post('/api/revalidate', { headers: { Authorization: `Bearer ${SECRET}` }, data: { content: 'yes' } });
    expect(malformed.status()).toBe(400);
    expect(await malformed.json()).toEqual({ error: '"content" must be true or false.' });
  });

  test('a scheduled article goes live within a minute of its time, with no call', async () => {
    test.setTimeout(120_000);
    const { api, content } = site;
    const slug = 'ceasefire-talks-resume';
    const title = 'Ceasefire talks resume in the capital';
    const date = new Date(Date.now() + 10_000);
    fs.writeFileSync(
      path.join(content, 'articles', `${slug}.md`),
      articleFile({ title, date, categories: '[Security]', tags: '[ceasefire]' }),
    );
    // The pull that brought the file is announced before its time: it is read, and not yet shown.
    const announced = await publish(api);
    expect(await announced.json()).toMatchObject({ published: [], parsed: 1 });
    expect(await visibility(api, slug, title)).toEqual(ABSENT);

    await expect.poll(async () => visibility(api, slug, title), { timeout: 70_000, intervals: [2_000] }).toEqual(LIVE);
    expect(Date.now() - date.getTime()).toBeLessThan(60_000);
  });
});

test.describe('comments of renamed and withdrawn articles', () => {
  const RENAMED = 'sharing-the-regions-rivers';
  const NEW_SLUG = 'how-the-regions-rivers-are-shared';
  const WITHDRAWN = 'how-polio-vaccination-campaigns-work';

  function approveAll(database: string, ids: number[]): void {
    const db = openDatabase(database, { readonly: false });
    try {
      for (const id of ids) db.prepare("UPDATE comments SET status = 'approved' WHERE id = ?").run(id);
    } finally {
      db.close();
    }
  }

  function storedFor(database: string, email: string) {
    const db = openDatabase(database);
    try {
      return storedByEmail(db, email);
    } finally {
      db.close();
    }
  }

  test('a rename with redirectFrom carries comments and replies to the new address; a withdrawal with comments is warned about', async () => {
    const site = await startSite();
    try {
      const tag = runTag();
      const reader = `river-${tag}@example.test`;
      const replier = `river-reply-${tag}@example.test`;
      const withdrawnReader = `polio-${tag}@example.test`;
      await submitAcknowledged(site.server.baseURL, RENAMED, {
        name: 'River reader',
        email: reader,
        comment: `Rivers ${tag}: the Helmand figure.`,
      });
      const [first] = storedFor(site.server.database, reader);
      approveAll(site.server.database, [first!.id]);
      await submitAcknowledged(
        site.server.baseURL,
        RENAMED,
        { name: 'River replier', email: replier, comment: `Rivers ${tag}: a reply on the treaty.` },
        { replyTo: first!.id },
      );
      const [reply] = storedFor(site.server.database, replier);
      approveAll(site.server.database, [reply!.id]);
      await submitAcknowledged(site.server.baseURL, WITHDRAWN, {
        name: 'Polio reader',
        email: withdrawnReader,
        comment: `Polio ${tag}: the campaign dates.`,
      });

      // The editor renames the file and lists the old slug; another article is deleted outright.
      const old = path.join(site.content, 'articles', `${RENAMED}.md`);
      const text = fs.readFileSync(old, 'utf8').replace(/^---\n/, `---\nredirectFrom: [${RENAMED}]\n`);
      fs.writeFileSync(path.join(site.content, 'articles', `${NEW_SLUG}.md`), text);
      fs.rmSync(old);
      fs.rmSync(path.join(site.content, 'articles', `${WITHDRAWN}.md`));
      const response = await publish(site.api);
      expect(response.status()).toBe(200);
      const answer = (await response.json()) as { published: string[]; withdrawn: string[]; warnings: string[] };
      expect(answer.published).toContain(NEW_SLUG);
      expect(answer.withdrawn).toEqual(expect.arrayContaining([RENAMED, WITHDRAWN]));
      // Only the article deleted without a word is reported; its comment stays in the store.
      expect(answer.warnings).toEqual([
        `${WITHDRAWN}.md was withdrawn with 1 comment, which readers no longer see: if it was renamed, add redirectFrom: [${WITHDRAWN}] to the new file; if it was taken down, list it in content/removed.yml. The comments are kept.`,
      ]);
      expect(storedFor(site.server.database, withdrawnReader)).toHaveLength(1);

      // Readers see the same comments at the new address at once; the old one redirects there.
      const page = await site.api.get(`/articles/${NEW_SLUG}`);
      const html = await page.text();
      expect(html).toContain('2 Comments');
      expect(html).toContain(`Rivers ${tag}: the Helmand figure.`);
      expect(html).toContain(`Rivers ${tag}: a reply on the treaty.`);
      expect((await site.api.get(`/articles/${RENAMED}`, { maxRedirects: 0 })).status()).toBe(308);
      expect(storedFor(site.server.database, reader)[0]?.article_slug).toBe(NEW_SLUG);
      expect(storedFor(site.server.database, replier)[0]?.article_slug).toBe(NEW_SLUG);
      expect(site.server.log).toContain(`Comments: 2 moved from ${RENAMED} to ${NEW_SLUG}, which was renamed.`);

      // Publishing again changes nothing: no comment is lost or doubled.
      const again = (await (await publish(site.api)).json()) as { warnings: string[] };
      expect(again.warnings).toHaveLength(0);
      const shown = await (await site.api.get(`/articles/${NEW_SLUG}`)).text();
      expect(shown.split(`<article id="comment-${first!.id}"`)).toHaveLength(2);
    } finally {
      await site.dispose();
    }
  });
});

test.describe('corrections', () => {
  test('a correction published without a rebuild is dated on the article, listed on /corrections, and updates the feeds and structured data', async () => {
    const site = await startSite();
    try {
      const slug = 'how-provincial-budgets-are-made';
      const file = path.join(site.content, 'articles', `${slug}.md`);
      const when = new Date(Date.now() - 60_000);
      const text = 'An earlier version said the budget passed in June; it passed in May.';
      fs.writeFileSync(
        file,
        fs.readFileSync(file, 'utf8').replace(/^---\n/, `---\ncorrections:\n  - date: ${when.toISOString()}\n    text: "${text}"\n`),
      );
      expect((await publish(site.api)).status()).toBe(200);

      const page = await (await site.api.get(`/articles/${slug}`)).text();
      expect(page).toContain('id="corrections"');
      expect(page).toContain(text);
      const article = jsonLdNodes(page).find((node) => node['@type'] === 'NewsArticle');
      expect(article).toMatchObject({
        dateModified: when.toISOString(),
        correction: [{ '@type': 'CorrectionComment', text, datePublished: when.toISOString() }],
      });

      const list = await site.api.get('/corrections');
      expect(list.status()).toBe(200);
      const listed = await list.text();
      expect(listed).toContain(text);
      expect(listed).toContain(`href="/articles/${slug}"`);
      const atom = await (await site.api.get('/atom.xml')).text();
      expect(atom).toContain(`<updated>${when.toISOString()}</updated>`);
    } finally {
      await site.dispose();
    }
  });
});

test.describe('a server started on content newer than its build', () => {
  test('regenerates every page on its first publication, so nothing stays out of date', async () => {
    const slug = 'pulled-before-the-restart';
    const title = 'Pulled before the restart';
    // Dated before the build began, as pulled content usually is: the
    // publication clock, which publishes articles scheduled after the build,
    // leaves it to the first publication.
    const builtAt = fs.statSync(path.join(BUILD_DIR, 'BUILD_ID')).mtimeMs;
    const date = new Date(builtAt - 3_600_000);
    const site = await startSite((content) => {
      fs.writeFileSync(
        path.join(content, 'articles', `${slug}.md`),
        articleFile({ title, date, categories: '[Security]', tags: '[border]' }),
      );
    });
    try {
      // The prerendered front page is the build's, without the article.
      expect((await (await site.api.get('/')).text()).includes(`/articles/${slug}"`)).toBe(false);
      const response = await publish(site.api);
      expect(await response.json()).toMatchObject({ everything: true, parsed: 0 });
      expect(await visibility(site.api, slug, title)).toEqual(LIVE);
    } finally {
      await site.dispose();
    }
  });
});

test.describe('the prerender cap', () => {
  test('prerenders only the newest articles, and serves and caches older ones on first request', async ({ request }) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(BUILD_DIR, 'prerender-manifest.json'), 'utf8')) as {
      routes: Record<string, unknown>;
    };
    const prerendered = new Set(
      Object.keys(manifest.routes)
        .map((route) => /^\/articles\/([^/]+)$/.exec(route)?.[1])
        .filter((slug): slug is string => slug !== undefined),
    );
    const sitemap = await (await request.get('/sitemap.xml')).text();
    const published = [...sitemap.matchAll(/\/articles\/([a-z0-9-]+)<\/loc>\s*<lastmod>([^<]+)</g)].map(([, slug, lastmod]) => ({
      slug: slug ?? '',
      lastmod: lastmod ?? '',
    }));
    const older = published.filter((article) => !prerendered.has(article.slug));
    expect(older.length, 'the tests build with PRERENDER_RECENT below the number of sample articles (npm test does)').toBeGreaterThan(0);
    expect(published.filter((article) => prerendered.has(article.slug)).length).toBeGreaterThan(0);

    for (const { slug } of older) {
      const first = await request.get(`/articles/${slug}`);
      expect(first.status(), slug).toBe(200);
      expect(await first.text()).toContain(`<link rel="canonical" href="http://localhost:3000/articles/${slug}"`);
      const second = await request.get(`/articles/${slug}`);
      // Served from the cache (STALE too, when this build is older than the page's hour).
      expect(second.headers()['x-nextjs-cache'], slug).toMatch(/^(HIT|STALE)$/);
    }
    expect((await request.get('/articles/no-such-article')).status()).toBe(404);
  });
});
