// The cluster as `npm run cluster` runs it (PostgreSQL, Redis, two app servers
// on the checkout's production build, nginx with the shipped config), measured:
// - pages through nginx with its cache warm, beside nginx serving the same
//   HTML as static files (same nginx, same machine, same run);
// - the same pages with nginx's cache bypassed (a request carrying the
//   moderator's cookie name goes upstream) over one and over two app servers;
// - freshness: seconds from a comment's approval and from a publication until
//   nginx serves the change.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { AppServer, hasProductionBuild, newCommentSecret, Nginx, Redis, startPostgres } from '../../scripts/cluster/servers';
import { submitAcknowledged } from '../../tests/e2e/support/submissions';
import { CONNECTIONS, load, type Load } from '../serve/run';
import { REPO_ROOT } from '../support/paths';

export type ClusterPage = { name: string; path: string; cached: Load; static: Load; cachedToStatic: number };
export type ClusterResult = {
  pages: ClusterPage[];
  bypass: { path: string; oneServer: Load; twoServers: Load };
  freshness: { approvalSeconds: number; publicationSeconds: number };
};

const PAGES = [
  { name: 'article', path: '/articles/salang-pass-winter-maintenance' },
  { name: 'home', path: '/' },
  { name: 'category', path: '/category/news' },
];
const COMMENT_ARTICLE = 'how-policing-works-in-pakistans-provinces';
const SECRET = 'bench-cluster-revalidate-secret';
const BYPASS = { cookie: 'dateline_moderator=bench' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server block that serves a folder of HTML files, for the static side of the comparison. */
function staticConfig(root: string): string {
  return [
    'server {',
    '    listen {{LISTEN}};',
    `    root ${root};`,
    '    default_type text/html;',
    '    location / { try_files $uri.html $uri/index.html =404; }',
    '}',
    '',
  ].join('\n');
}

async function secondsUntil(check: () => Promise<boolean>, limitS = 60): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitS * 1_000) {
    if (await check()) return (Date.now() - started) / 1_000;
    await sleep(100);
  }
  return Number.NaN;
}

async function body(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  return response.text();
}

function runComments(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/comments.ts', ...args],
      { cwd: REPO_ROOT, env, timeout: 60_000 },
      (error, _stdout, stderr) => (error ? reject(new Error(stderr || error.message)) : resolve()),
    );
  });
}

export async function measureCluster(work: string, durationSeconds: number, log: (line: string) => void): Promise<ClusterResult | string> {
  if (!hasProductionBuild()) return 'there is no production build of the checkout: run `npm run build` first';
  const root = fs.mkdtempSync(path.join(work, 'cluster-'));
  const content = path.join(root, 'content');
  fs.cpSync(path.join(REPO_ROOT, 'content'), content, { recursive: true });
  fs.symlinkSync(path.join(REPO_ROOT, 'public'), path.join(root, 'public'));
  const stops: Array<() => Promise<void>> = [];
  try {
    const [postgres, redis] = await Promise.all([startPostgres({ database: 'dateline_bench' }), Redis.start()]);
    stops.push(
      () => postgres.stop(),
      () => redis.stop(),
    );
    const env = {
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      COMMENT_SECRET: newCommentSecret(),
      TRUSTED_PROXIES: '127.0.0.1',
      COMMENTS_SQLITE_PATH: undefined,
      REVALIDATE_SECRET: SECRET,
      DATELINE_CONTENT_DIR: content,
    };
    const apps = await Promise.all(['A', 'B'].map((name) => AppServer.start({ env, name })));
    stops.push(...apps.map((app) => () => app.dispose()));
    const [a] = apps;
    if (!a) throw new Error('no app server');
    const both = await Nginx.start({ upstreams: apps.map((app) => app.address) });
    const one = await Nginx.start({ upstreams: [a.address] });
    stops.push(
      () => both.stop(),
      () => one.stop(),
    );

    // The static side: the very HTML nginx caches, as files in a folder nginx's
    // workers may read (as root they run as www-data).
    const files = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-static-'));
    fs.chmodSync(files, 0o755);
    stops.push(async () => fs.rmSync(files, { recursive: true, force: true }));
    for (const page of PAGES) {
      const file = path.join(files, page.path === '/' ? 'index.html' : `${page.path}.html`);
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
      fs.writeFileSync(file, await body(`${both.url}${page.path}`), { mode: 0o644 });
    }
    const configFile = path.join(root, 'static.conf');
    fs.writeFileSync(configFile, staticConfig(files));
    const staticNginx = await Nginx.start({ upstreams: [], config: configFile });
    stops.push(() => staticNginx.stop());

    const measure = async (label: string, url: string, headers?: Record<string, string>): Promise<Load> => {
      await load(url, { connections: 8, amount: 2_000, headers });
      const figures = await load(url, { connections: CONNECTIONS, duration: durationSeconds, headers });
      log(
        `  ${label.padEnd(24)} ${Math.round(figures.requestsPerSecond)} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms` +
          (figures.errors + figures.non2xx > 0 ? `, ${figures.errors} errors, ${figures.non2xx} non-2xx` : ''),
      );
      return figures;
    };
    const pages: ClusterPage[] = [];
    // Two rounds, the sides interleaved, the better round of each kept: on two
    // cores shared by the load generator, nginx, two app servers, PostgreSQL
    // and Redis, a single round is at the mercy of whatever else runs then.
    const best = (a: Load, b: Load) => (b.requestsPerSecond > a.requestsPerSecond ? b : a);
    for (const page of PAGES) {
      let cached = await measure(`${page.name} nginx cache`, `${both.url}${page.path}`);
      let asStatic = await measure(`${page.name} nginx static`, `${staticNginx.url}${page.path}`);
      asStatic = best(asStatic, await measure(`${page.name} nginx static`, `${staticNginx.url}${page.path}`));
      cached = best(cached, await measure(`${page.name} nginx cache`, `${both.url}${page.path}`));
      pages.push({ ...page, cached, static: asStatic, cachedToStatic: cached.requestsPerSecond / asStatic.requestsPerSecond });
    }
    const article = PAGES[0]?.path ?? '/';
    const bypass = {
      path: article,
      oneServer: await measure('article bypass, 1 server', `${one.url}${article}`, BYPASS),
      twoServers: await measure('article bypass, 2 servers', `${both.url}${article}`, BYPASS),
    };

    // Freshness of an approval: a comment posted through nginx, approved from
    // the shell (which asks server A to update the pages), seen through nginx.
    const tag = Date.now().toString(36);
    const email = `bench-${tag}@example.test`;
    const text = `Bench freshness check ${tag}.`;
    await submitAcknowledged(both.url, COMMENT_ARTICLE, { name: `Bench ${tag}`, email, comment: text, website: '' });
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: postgres.url });
    await client.connect();
    const { rows } = await client.query<{ id: number }>('SELECT id FROM comments WHERE email = $1', [email]);
    await client.end();
    const cliEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: postgres.url, SITE_URL: a.url, REVALIDATE_SECRET: SECRET };
    delete cliEnv.COMMENTS_SQLITE_PATH;
    const approvedAt = Date.now();
    await runComments(['approve', String(rows[0]?.id ?? 0)], cliEnv);
    const approvalSeen = await secondsUntil(async () => (await body(`${both.url}/articles/${COMMENT_ARTICLE}`)).includes(text));
    const approvalSeconds = Number.isNaN(approvalSeen) ? Number.NaN : (Date.now() - approvedAt) / 1_000;

    // Freshness of a publication: a new article, published on server A only.
    const slug = `bench-fresh-${tag}`;
    fs.writeFileSync(
      path.join(content, 'articles', `${slug}.md`),
      [
        '---',
        `title: "Bench freshness ${tag}"`,
        `date: ${new Date(Date.now() - 60_000).toISOString()}`,
        'author: desk-region',
        'categories: [News]',
        '---',
        'A bench article.',
        '',
      ].join('\n'),
    );
    const publishedAt = Date.now();
    const call = await fetch(`${a.url}/api/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: true }),
    });
    await call.arrayBuffer();
    const publicationSeen = await secondsUntil(async () => (await body(`${both.url}/`)).includes(`/articles/${slug}"`));
    const publicationSeconds = Number.isNaN(publicationSeen) ? Number.NaN : (Date.now() - publishedAt) / 1_000;
    log(`  freshness: approval ${approvalSeconds.toFixed(1)} s, publication ${publicationSeconds.toFixed(1)} s`);
    return { pages, bypass, freshness: { approvalSeconds, publicationSeconds } };
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    fs.rmSync(root, { recursive: true, force: true });
  }
}
