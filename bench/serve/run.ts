import fs from 'node:fs';
import path from 'node:path';

import { freePort } from '../../tests/support/ports';
import { siteEnv, type SiteSettings } from '../build/run';
import { collect, killTree, start } from '../support/children';
import { AUTOCANNON_BIN, NEXT_BIN, REPO_ROOT, TS_NODE_ARGS } from '../support/paths';

export const CONNECTIONS = 32;

export type Page = { name: string; path: string; htmlFile: string };
export type Load = { requestsPerSecond: number; p50Ms: number; p99Ms: number; requests: number; errors: number; non2xx: number };
export type PageLoad = { name: string; path: string; next: Load; static: Load; nextToStatic: number };

type Server = { baseURL: string; stop(): Promise<void> };

function stopper(child: ReturnType<typeof start>): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    killTree(child, 'SIGTERM');
    const timer = setTimeout(() => killTree(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
}

async function waitFor(url: string, child: ReturnType<typeof start>, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited while starting:\n${output().slice(-2_000)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within 120 s:\n${output().slice(-2_000)}`);
}

/** `next start` on the build of `site`, on a free loopback port. */
export async function startNext(site: SiteSettings): Promise<Server> {
  const port = await freePort();
  const child = start(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: site.project,
    env: siteEnv(site, { NODE_ENV: 'production' }),
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = stopper(child);
  try {
    await waitFor(`${baseURL}/api/health`, child, () => output.join(''));
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, stop };
}

async function startStatic(pages: readonly Page[], workDir: string): Promise<Server> {
  const port = await freePort();
  const routesFile = path.join(workDir, 'static-routes.json');
  fs.writeFileSync(routesFile, JSON.stringify(Object.fromEntries(pages.map((page) => [page.path, page.htmlFile]))));
  const child = start(process.execPath, [...TS_NODE_ARGS, path.join('bench', 'serve', 'static-server.ts'), String(port), routesFile], {
    cwd: REPO_ROOT,
  });
  const finished = collect(child);
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = stopper(child);
  try {
    await waitFor(`${baseURL}${pages[0]?.path ?? '/'}`, child, () => '');
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}${(await finished).stderr}`);
  }
  return { baseURL, stop };
}

type AutocannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
};

/**
 * Load from autocannon in a process of its own, as from its command line: the
 * client then shares nothing with this process (its heap, its loader, the
 * pipes of the servers it started), which would slow it down unevenly.
 */
export async function load(
  url: string,
  options: { connections: number; duration?: number; amount?: number; headers?: Record<string, string> },
): Promise<Load> {
  const args = [AUTOCANNON_BIN, '--json', '--connections', String(options.connections)];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('--headers', `${name}=${value}`);
  if (options.duration !== undefined) args.push('--duration', String(options.duration));
  if (options.amount !== undefined) args.push('--amount', String(options.amount));
  const finished = await collect(start(process.execPath, [...args, url], { cwd: REPO_ROOT }));
  let result: AutocannonResult;
  try {
    result = JSON.parse(finished.stdout) as AutocannonResult;
  } catch {
    throw new Error(`autocannon gave no result for ${url} (exit ${finished.code}):\n${finished.stderr.slice(-2_000)}`);
  }
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Each page from `next start` and from the static server, one after the other, each warmed up first. */
export async function measureServing(
  next: Server,
  pages: readonly Page[],
  workDir: string,
  durationSeconds: number,
  log: (line: string) => void,
): Promise<PageLoad[]> {
  const staticServer = await startStatic(pages, workDir);
  try {
    const results: PageLoad[] = [];
    const measure = async (page: Page, kind: string, server: Server): Promise<Load> => {
      const url = `${server.baseURL}${page.path}`;
      await load(url, { connections: 8, amount: 400 });
      const figures = await load(url, { connections: CONNECTIONS, duration: durationSeconds });
      log(
        `  ${page.name.padEnd(8)} ${kind.padEnd(6)} ${Math.round(figures.requestsPerSecond)} req/s, ` +
          `p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms` +
          (figures.errors + figures.non2xx > 0 ? `, ${figures.errors} errors, ${figures.non2xx} non-2xx` : ''),
      );
      return figures;
    };
    for (const page of pages) {
      const nextLoad = await measure(page, 'next', next);
      const staticLoad = await measure(page, 'static', staticServer);
      results.push({
        name: page.name,
        path: page.path,
        next: nextLoad,
        static: staticLoad,
        nextToStatic: nextLoad.requestsPerSecond / staticLoad.requestsPerSecond,
      });
    }
    return results;
  } finally {
    await staticServer.stop();
  }
}
