import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { collect, start } from '../support/children';
import { REPO_ROOT, TS_NODE_ARGS } from '../support/paths';
import type { PipelineResult } from './types';

export type PipelineRuns = {
  /** Single-thread runs; left out for the largest archive, where each would take most of an hour. */
  bare?: PipelineResult;
  cold?: PipelineResult;
  /** `npm run content:check` on a cold cache: one process per core, as a build's first step. */
  coldParallel?: PipelineResult & { processes: number };
  warm: PipelineResult;
};

async function runWorker(mode: 'bare' | 'ours', contentDir: string, cacheDir: string | undefined, log: (line: string) => void) {
  const args = [...TS_NODE_ARGS, '--expose-gc', path.join('bench', 'pipeline', 'worker.ts'), mode, contentDir];
  if (cacheDir) args.push(cacheDir);
  const child = start(process.execPath, args, { cwd: REPO_ROOT });
  const finished = await collect(child, (line) => {
    if (line.trim() !== '' && !line.startsWith('RESULT ')) log(`    ${line}`);
  });
  const line = finished.stdout.split('\n').find((text) => text.startsWith('RESULT '));
  if (finished.code !== 0 || !line) {
    throw new Error(`the ${mode} pipeline failed (exit ${finished.code ?? finished.signal}):\n${finished.stderr.slice(-3_000)}`);
  }
  return JSON.parse(line.slice('RESULT '.length)) as PipelineResult;
}

/** The content check with its own parse cache folder, timed: it parses a cold archive on every core. */
async function runContentCheck(contentDir: string, cacheDir: string, articles: number, log: (line: string) => void) {
  const started = performance.now();
  const child = start(process.execPath, [...TS_NODE_ARGS, path.join('scripts', 'content-check.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATELINE_CONTENT_DIR: contentDir, DATELINE_CONTENT_CACHE_DIR: cacheDir },
  });
  const finished = await collect(child, (line) => {
    if (line.trim() !== '') log(`    ${line}`);
  });
  if (finished.code !== 0)
    throw new Error(`the content check failed (exit ${finished.code ?? finished.signal}):\n${finished.stderr.slice(-3_000)}`);
  const seconds = (performance.now() - started) / 1000;
  const match = /content cache: (\d+) parsed, (\d+) reused/.exec(finished.stdout);
  const stats = match ? { parsed: Number(match[1]), cached: Number(match[2]) } : undefined;
  return { articles, seconds, stats, maxRssBytes: 0, processes: os.availableParallelism() };
}

/**
 * Bare, then ours with an empty cache folder, then ours again with the folder
 * the cold run filled. With `singleThread` false (the largest archive), the
 * cold cache is filled by the content check on every core instead, and the
 * single-thread runs are left out. The filled cache stays in `cacheDir`.
 */
export async function runPipelines(
  contentDir: string,
  cacheDir: string,
  articles: number,
  singleThread: boolean,
  log: (line: string) => void,
): Promise<PipelineRuns> {
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  const describe = (name: string, result: PipelineResult) =>
    log(
      `  ${name.padEnd(5)} ${Math.round(result.articles / result.seconds).toLocaleString('en-US')} articles/s ` +
        `(${result.seconds.toFixed(1)} s), peak RSS ${Math.round(result.maxRssBytes / 1e6)} MB` +
        (result.stats ? `, ${result.stats.parsed} parsed, ${result.stats.cached} from the cache` : ''),
    );
  if (!singleThread) {
    const coldParallel = await runContentCheck(contentDir, cacheDir, articles, log);
    log(
      `  cold, content check on ${coldParallel.processes} processes: ${Math.round(articles / coldParallel.seconds).toLocaleString('en-US')} articles/s (${coldParallel.seconds.toFixed(1)} s)`,
    );
    const warm = await runWorker('ours', contentDir, cacheDir, log);
    describe('warm', warm);
    return { coldParallel, warm };
  }
  const bare = await runWorker('bare', contentDir, undefined, log);
  describe('bare', bare);
  const cold = await runWorker('ours', contentDir, cacheDir, log);
  describe('cold', cold);
  const warm = await runWorker('ours', contentDir, cacheDir, log);
  describe('warm', warm);
  return { bare, cold, warm };
}
