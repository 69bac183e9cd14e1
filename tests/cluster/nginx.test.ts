// The shipped nginx config (deploy/nginx/dateline.conf), rendered only with a
// port, upstream addresses and a cache folder, in front of real servers:
// - two app servers (`next start` on one PostgreSQL) for caching, failover
//   and stale answers when every app server is down;
// - a small Node server that echoes the request headers and counts requests,
//   for what the app gives no handle on: the forwarded client address, which
//   responses are kept, and how often nginx asks upstream for one URL.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppServer, newCommentSecret, Nginx, startPostgres } from '@/scripts/cluster/servers';

const ARTICLE = '/articles/salang-pass-winter-maintenance';
const OTHER_ARTICLE = '/articles/how-provincial-budgets-are-made';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function get(url: string, init: RequestInit = {}): Promise<{ status: number; cache: string | null; body: string; headers: Headers }> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  const body = await response.text();
  return { status: response.status, cache: response.headers.get('x-cache-status'), body, headers: response.headers };
}

/** Sends `total` GETs over `concurrency` connections; `during` runs after `after` of them have finished. */
async function load(
  urls: string[],
  total: number,
  concurrency: number,
  during?: { after: number; run: () => Promise<void> },
  pauseMs = 0,
): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  let duringRun: Promise<void> | null = null;
  const worker = async () => {
    while (next < total) {
      const url = urls[next % urls.length] as string;
      next += 1;
      try {
        statuses.push((await get(url)).status);
      } catch (error) {
        console.error(url, error);
        statuses.push(0);
      }
      if (during && !duringRun && statuses.length >= during.after) duringRun = during.run();
      if (pauseMs) await sleep(pauseMs);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await duringRun;
  return statuses;
}

/** GETs over `concurrency` connections for `seconds`; `during` runs `afterMs` into it. */
async function loadFor(
  urls: string[],
  seconds: number,
  concurrency: number,
  during: { afterMs: number; run: () => Promise<void> },
): Promise<number[]> {
  const statuses: number[] = [];
  const end = Date.now() + seconds * 1_000;
  const timer = new Promise<void>((resolve, reject) => setTimeout(() => during.run().then(resolve, reject), during.afterMs));
  let next = 0;
  const worker = async () => {
    while (Date.now() < end) {
      const url = urls[next++ % urls.length] as string;
      try {
        statuses.push((await get(url)).status);
      } catch (error) {
        console.error(url, error);
        statuses.push(0);
      }
    }
  };
  await Promise.all([timer, ...Array.from({ length: concurrency }, worker)]);
  return statuses;
}

describe('nginx in front of two app servers', () => {
  let postgres: Awaited<ReturnType<typeof startPostgres>>;
  const apps: AppServer[] = [];
  let nginx: Nginx;
  const app = (index: number): AppServer => {
    const server = apps[index];
    if (!server) throw new Error(`No app server ${index}.`);
    return server;
  };

  beforeAll(async () => {
    postgres = await startPostgres({ database: 'dateline_cluster' });
    const env = {
      DATABASE_URL: postgres.url,
      COMMENT_SECRET: newCommentSecret(),
      COMMENTS_SQLITE_PATH: undefined,
      MODERATOR_PASSWORD: undefined,
    };
    const started = await Promise.all(['A', 'B'].map((name) => AppServer.start({ env, name })));
    apps.push(...started);
    nginx = await Nginx.start({ upstreams: apps.map((app) => app.address) });
  });

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(apps.map((app) => app.dispose()));
    await postgres?.stop();
  });

  it("serves a page from its cache on the second request, with the app's Cache-Control", async () => {
    const first = await get(nginx.url + ARTICLE);
    expect(first.status).toBe(200);
    expect(first.cache).toBe('MISS');
    const second = await get(nginx.url + ARTICLE);
    expect(second.status).toBe(200);
    expect(second.cache).toBe('HIT');
    expect(second.body).toBe(first.body);
    // What a CDN in front would see is the app's own header.
    const direct = await fetch(app(0).url + ARTICLE);
    await direct.arrayBuffer();
    expect(second.headers.get('cache-control')).toBe(direct.headers.get('cache-control'));
    expect(second.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
  });

  it('never caches /api/, the moderation pages or an unknown address', async () => {
    for (const path of ['/api/health', '/moderation', '/moderation/login', '/no-such-page']) {
      for (let i = 0; i < 3; i += 1) {
        const answer = await get(nginx.url + path);
        expect(answer.cache ?? 'none', path).not.toBe('HIT');
      }
    }
  });

  it('answers every reader with 2xx while one app server is killed with SIGKILL during 30 s of 32-connection load', async () => {
    const pages = ['/', ARTICLE, OTHER_ARTICLE, '/category/news', '/category/government', '/articles/understanding-the-durand-line'];
    for (const page of pages) expect((await get(nginx.url + page)).status).toBe(200);
    // Far longer than nginx's own 2 s lifetime, so pages are refreshed from
    // the app servers while one of them is gone.
    const statuses = await loadFor(
      pages.map((page) => nginx.url + page),
      30,
      32,
      { afterMs: 5_000, run: () => app(0).kill() },
    );
    expect(app(0).running).toBe(false);
    expect(statuses.length).toBeGreaterThan(1_000);
    expect(statuses.filter((status) => status < 200 || status >= 300)).toEqual([]);
  });

  it('sends uncached requests to the surviving app server', async () => {
    expect(app(0).running).toBe(false);
    // /api/health is never cached: each of these reaches an app server.
    const statuses = await load([nginx.url + '/api/health'], 50, 4);
    const failed = statuses.filter((status) => status !== 200);
    expect(failed, failed.length ? `B running: ${app(1).running}\n${nginx.log.slice(-3_000)}\n${app(1).log.slice(-2_000)}` : '').toEqual(
      [],
    );
  });

  it('still answers a cached page with 200 when every app server is down', async () => {
    await get(nginx.url + OTHER_ARTICLE); // cached by now; this makes sure
    await Promise.all(apps.map((app) => app.stop()));
    await sleep(2_500); // past nginx's own lifetime: only a stale copy is left
    const answer = await get(nginx.url + OTHER_ARTICLE);
    expect(answer.status).toBe(200);
    expect(answer.cache).toMatch(/STALE|UPDATING/);
    expect(answer.body).toContain('<html');
  });
});

describe('nginx in front of an echo server', () => {
  let echo: http.Server;
  const hits = new Map<string, number>();
  let version = 1;
  let nginx: Nginx;

  beforeAll(async () => {
    echo = http.createServer((request, response) => {
      const url = request.url ?? '/';
      hits.set(url, (hits.get(url) ?? 0) + 1);
      const headers: Record<string, string | string[]> = {
        'content-type': 'application/json',
        'cache-control': 's-maxage=3600, stale-while-revalidate=86400',
      };
      if (url.startsWith('/set-cookie')) headers['set-cookie'] = 'session=abc; Path=/; HttpOnly';
      if (url.startsWith('/private')) headers['cache-control'] = 'private, no-cache, no-store, max-age=0, must-revalidate';
      request.resume();
      request.on('end', () => {
        response.writeHead(200, headers);
        response.end(JSON.stringify({ version, method: request.method, headers: request.headers }));
      });
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const { port } = echo.address() as AddressInfo;
    nginx = await Nginx.start({ upstreams: [`127.0.0.1:${port}`] });
  });

  afterAll(async () => {
    await nginx?.stop();
    await new Promise((resolve) => echo?.close(resolve));
  });

  it('replaces a client-sent X-Forwarded-For with the connecting address, and sets Proto and Host', async () => {
    const answer = await get(`${nginx.url}/xff`, { headers: { 'X-Forwarded-For': '1.2.3.4, 5.6.7.8' } });
    const seen = JSON.parse(answer.body) as { headers: Record<string, string> };
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers['x-forwarded-proto']).toBe('http');
    expect(seen.headers.host).toBe(new URL(nginx.url).host);
    expect(seen.headers['x-forwarded-host']).toBe(new URL(nginx.url).host);
  });

  it('never caches POSTs, responses that set a cookie, or private/no-store answers', async () => {
    for (const [path, init] of [
      ['/post', { method: 'POST', body: 'a=1' }],
      ['/set-cookie', {}],
      ['/private', {}],
    ] as const) {
      for (let i = 0; i < 3; i += 1) {
        const answer = await get(nginx.url + path, init);
        expect(answer.status).toBe(200);
        expect(answer.cache ?? 'none', path).not.toBe('HIT');
      }
      expect(hits.get(path), path).toBe(3);
    }
  });

  it('sends requests with the moderator or draft-mode cookie past the cache', async () => {
    await get(`${nginx.url}/page-cookie`);
    expect((await get(`${nginx.url}/page-cookie`)).cache).toBe('HIT');
    for (const cookie of ['dateline_moderator=x', '__prerender_bypass=x']) {
      const answer = await get(`${nginx.url}/page-cookie`, { headers: { cookie } });
      expect(answer.cache, cookie).toBe('BYPASS');
    }
    expect(hits.get('/page-cookie')).toBe(3);
    expect((await get(`${nginx.url}/page-cookie`)).cache).toBe('HIT');
  });

  it('answers TRACE, PUT, OPTIONS and DELETE with 405 without asking upstream', async () => {
    // node:http, not fetch: fetch refuses to send TRACE at all.
    const status = (method: string, url: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(url, { method }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        request.end();
      });
    for (const method of ['TRACE', 'PUT', 'OPTIONS', 'DELETE']) {
      const before = hits.get('/methods') ?? 0;
      expect(await status(method, `${nginx.url}/methods`), method).toBe(405);
      expect(hits.get('/methods') ?? 0, method).toBe(before);
    }
  });

  it('refuses request bodies over 1 MB', async () => {
    const answer = await get(`${nginx.url}/big`, { method: 'POST', body: 'x'.repeat(1_100_000) });
    expect(answer.status).toBe(413);
    expect(hits.get('/big')).toBeUndefined();
  });

  it('serves a change within seconds while asking upstream for one URL at most about once a second under load', async () => {
    const url = `${nginx.url}/page-fresh`;
    await get(url);
    const before = hits.get('/page-fresh') ?? 0;
    const started = Date.now();
    version = 2;
    let seenAt = 0;
    let requests = 0;
    // 6 s of load over 16 connections, bounded.
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (Date.now() - started < 6_000) {
          const answer = await get(url);
          requests += 1;
          expect(answer.status).toBe(200);
          if (!seenAt && (JSON.parse(answer.body) as { version: number }).version === 2) seenAt = Date.now();
        }
      }),
    );
    const upstream = (hits.get('/page-fresh') ?? 0) - before;
    expect(requests).toBeGreaterThan(100);
    expect(seenAt).toBeGreaterThan(0);
    expect(seenAt - started).toBeLessThan(4_000);
    expect(upstream).toBeGreaterThanOrEqual(1);
    expect(upstream).toBeLessThanOrEqual(6);
  });
});
