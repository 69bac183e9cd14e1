import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { INTERNAL_PREFIX, SERVER_SETTING_NAMES } from '../../lib/setting-names';
import { collect, start } from '../support/children';
import { NEXT_BIN } from '../support/paths';
import { sampleTreeRss } from '../support/process-tree';

/** The secret the builds and the servers share: prerendered comment forms carry tokens signed with it. */
export const BENCH_COMMENT_SECRET = 'bench-comment-secret-0123456789abcdefghij';

// Settings of the caller's environment that must not reach a benchmark build or
// server (the site settings are the bench's own choice, see SiteSettings).
const OWN_SETTINGS = ['NODE_ENV', 'PORT', 'PRERENDER_RECENT', ...SERVER_SETTING_NAMES];

export type SiteSettings = {
  project: string;
  contentDir: string;
  prerenderAll: boolean;
  /** The parse cache folder, shared by the builds of one size (kept between builds, as in a newsroom's CI). */
  cacheDir: string;
};

/** The secret of /api/revalidate on the benchmark servers. */
export const BENCH_REVALIDATE_SECRET = 'bench-revalidate-secret';

/** The environment of a build or server of `site`. */
export function siteEnv(site: SiteSettings, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (OWN_SETTINGS.includes(name) || name.startsWith(INTERNAL_PREFIX)) delete env[name];
  }
  Object.assign(env, {
    DATELINE_CONTENT_DIR: site.contentDir,
    COMMENTS_SQLITE_PATH: path.join(site.project, 'bench-data', 'comments.sqlite'),
    COMMENT_SECRET: BENCH_COMMENT_SECRET,
    REVALIDATE_SECRET: BENCH_REVALIDATE_SECRET,
    DATELINE_CONTENT_CACHE_DIR: site.cacheDir,
    NEXT_TELEMETRY_DISABLED: '1',
    ...extra,
  });
  if (site.prerenderAll) env.PRERENDER_RECENT = 'all';
  return env;
}

export type BuildResult = {
  wallSeconds: number;
  peakRssBytes: number;
  /** Routes in prerender-manifest.json: pages, feeds and images. */
  prerenderedRoutes: number;
  /** Of which article pages. */
  prerenderedArticles: number;
  msPerPrerenderedRoute: number;
  /** From the line `content cache: <P> parsed, <C> reused`, when the build prints it. */
  contentCache: { parsed: number; reused: number } | null;
  log: string;
};

const CACHE_LINE = /content cache: ([\d,]+) parsed, ([\d,]+) reused/;
// Build output worth showing as progress; the whole log is kept in the project folder.
const SHOWN = /^\s*(?:✓|content cache|Generating static pages .*\(\d+\/\d+\)\s*$|> Build error|Error:)/;

export async function runBuild(site: SiteSettings, log: (line: string) => void): Promise<BuildResult> {
  const started = performance.now();
  const child = start(process.execPath, [NEXT_BIN, 'build'], { cwd: site.project, env: siteEnv(site) });
  if (child.pid === undefined) throw new Error('next build did not start');
  const sampler = sampleTreeRss(child.pid);
  let lastShown = 0;
  const finished = await collect(child, (line) => {
    if (!SHOWN.test(line) || (line.includes('Generating static pages') && Date.now() - lastShown < 15_000)) return;
    lastShown = Date.now();
    log(`    build │ ${line.trim()}`);
  });
  const peakRssBytes = sampler.stop();
  const wallSeconds = (performance.now() - started) / 1000;
  const output = `${finished.stdout}\n${finished.stderr}`;
  const logFile = path.join(site.project, `build-${Date.now()}.log`);
  fs.writeFileSync(logFile, output);
  if (finished.code !== 0) {
    const tail = output.trim().split('\n').slice(-40).join('\n');
    throw new Error(`next build failed (exit ${finished.code ?? finished.signal}) in ${site.project}:\n${tail}`);
  }

  const manifest = JSON.parse(fs.readFileSync(path.join(site.project, '.next', 'prerender-manifest.json'), 'utf8')) as {
    routes: Record<string, unknown>;
  };
  const routes = Object.keys(manifest.routes);
  const cacheLine = CACHE_LINE.exec(output);
  const count = (text: string | undefined) => Number((text ?? '').replace(/,/g, ''));
  return {
    wallSeconds,
    peakRssBytes,
    prerenderedRoutes: routes.length,
    prerenderedArticles: routes.filter((route) => /^\/articles\/[^/]+$/.test(route)).length,
    msPerPrerenderedRoute: (wallSeconds * 1000) / Math.max(1, routes.length),
    contentCache: cacheLine ? { parsed: count(cacheLine[1]), reused: count(cacheLine[2]) } : null,
    log: logFile,
  };
}
