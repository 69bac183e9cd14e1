// One pipeline over one content folder, in a process of its own so its peak
// memory is its own. Run by bench/pipeline/run.ts:
//   node --conditions=react-server --expose-gc --import tsx bench/pipeline/worker.ts <bare|ours> <content> [cache]
// Prints one line `RESULT {json}` on stdout; progress goes to stderr.
import { performance } from 'node:perf_hooks';

import type { PipelineResult } from './types';

type LoadStats = { parsed: number; cached: number };

function readStats(result: object): LoadStats | undefined {
  if (!('stats' in result) || typeof result.stats !== 'object' || result.stats === null) return undefined;
  // `cached` or `reused`: the name of the second count is not settled.
  const { parsed, cached, reused } = result.stats as Record<string, unknown>;
  const fromCache = typeof cached === 'number' ? cached : reused;
  return typeof parsed === 'number' && typeof fromCache === 'number' ? { parsed, cached: fromCache } : undefined;
}

function collectGarbage(): void {
  if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
  globalThis.gc();
  globalThis.gc();
}

function progressReporter(label: string): (done: number, total: number) => void {
  let next = Date.now() + 15_000;
  return (done, total) => {
    if (Date.now() < next) return;
    next = Date.now() + 15_000;
    console.error(`${label}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`);
  };
}

async function runBarePipeline(root: string): Promise<PipelineResult> {
  const { runBare } = await import('./bare');
  const start = performance.now();
  const { articles } = runBare(root, progressReporter('bare'));
  const seconds = (performance.now() - start) / 1000;
  return { articles, seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
}

async function runOurPipeline(root: string, cacheDir: string | undefined): Promise<PipelineResult> {
  const { loadContent } = await import('@/lib/content');
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;

  const loadStart = performance.now();
  // A variable, not a literal: this typechecks whether or not LoadOptions has `cacheDir` yet.
  const options = { includeDrafts: true, cacheDir };
  const result = loadContent(root, options);
  const loadSeconds = (performance.now() - loadStart) / 1000;

  collectGarbage();
  const indexHeapBytes = process.memoryUsage().heapUsed - heapBefore;
  if (result.problems.length > 0) {
    throw new Error(`the generated content has ${result.problems.length} problems, e.g. ${JSON.stringify(result.problems[0])}`);
  }

  const now = new Date();
  const slugs = result.index.getPublishedSlugs(now);
  const report = progressReporter('render');
  const renderStart = performance.now();
  let htmlChars = 0;
  slugs.forEach((slug, index) => {
    htmlChars += result.index.getArticle(slug, now)?.html.length ?? 0;
    report(index + 1, slugs.length);
  });
  const renderSeconds = (performance.now() - renderStart) / 1000;
  if (htmlChars === 0) throw new Error('no article rendered');

  return {
    articles: slugs.length,
    seconds: loadSeconds + renderSeconds,
    loadSeconds,
    renderSeconds,
    indexHeapBytes,
    stats: readStats(result),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

async function main(): Promise<void> {
  const [mode, root, cacheDir] = process.argv.slice(2);
  if (!root || (mode !== 'bare' && mode !== 'ours')) throw new Error('usage: worker.ts <bare|ours> <content> [cache]');
  const result = mode === 'bare' ? await runBarePipeline(root) : await runOurPipeline(root, cacheDir);
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
