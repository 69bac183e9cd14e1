// `npm run content:check [--quiet]`: validates the content folder the way the
// build does, drafts included, and prints every problem as `path:line: field:
// message`. Exit codes: 0 valid, 1 content problems, 2 a wrong command line or
// an internal error; `--help` prints the usage.
// `--part I/N` (used by the check itself) parses every N-th article into the
// parse cache and reports nothing.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { imageHostsFrom } from '@/lib/image-hosts';

import { createProgress, type Progress } from './progress';

const NAME = 'content:check';
const REACT_SERVER = '--conditions=react-server';

const USAGE = `Usage: npm run ${NAME} [-- --quiet]

Validates content/ (DATELINE_CONTENT_DIR) the way the build does, drafts
included, and prints every problem as path:line: field: message. On a
terminal it shows how far it is; it ends with a line of files, problems and time.

Options:
  --quiet      print problems only, not the summary
  -h, --help   this help

Exit codes: 0 valid, 1 content problems, 2 wrong command line or an internal error.`;

type Args = { quiet: boolean; part: { index: number; count: number } | undefined; help: boolean };

/** The command line, or the sentence and usage to exit 2 with. */
function readArgs(args: string[]): Args | string {
  try {
    const { values } = parseArgs({
      args,
      options: { quiet: { type: 'boolean' }, part: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    return { quiet: values.quiet ?? false, part: readPart(values.part), help: values.help ?? false };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return `${NAME}: ${reason}\n\n${USAGE}`;
  }
}

type ContentModule = typeof import('@/lib/content');
type Env = (typeof import('@/lib/env'))['env'];

// lib/ modules import `server-only`, which only loads under the react-server
// condition. npm run and the build start this script with it; started
// without it (`npx tsx scripts/content-check.ts`), it runs again with it.
function rerunWithReactServerCondition(): number {
  const script = process.argv[1] ?? '';
  const result = spawnSync(process.execPath, [REACT_SERVER, ...process.execArgv, script, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  return result.status ?? 2;
}

async function importLib(): Promise<{ content: ContentModule; env: Env } | 'needs-condition'> {
  try {
    return { content: await import('@/lib/content'), env: (await import('@/lib/env')).env };
  } catch (error) {
    const fromServerOnly = error instanceof Error && /Server Component/.test(error.message);
    if (fromServerOnly && !process.execArgv.includes(REACT_SERVER)) return 'needs-condition';
    throw error;
  }
}

/** Comments in the store whose article file is gone without a redirect or a takedown (lib/publishing). */
async function goneWithComments(index: import('@/lib/content').ContentIndex): Promise<string[]> {
  const [{ orphanedCommentWarnings }, { closeCommentStore }, { END_OF_TIME: far }] = await Promise.all([
    import('@/lib/publishing'),
    import('@/lib/comments'),
    import('@/lib/content'),
  ]);
  try {
    return await orphanedCommentWarnings(
      (slug) => index.getSummary(slug, far) !== null || index.getRedirect(slug, far) !== null || index.getRemovedArticle(slug) !== null,
    );
  } finally {
    await closeCommentStore();
  }
}

function count(value: number, singular: string, pluralForm = `${singular}s`): string {
  return `${value} ${value === 1 ? singular : pluralForm}`;
}

/** Below this many article files one process parses them faster than several can start. */
const PARALLEL_FROM = 2_000;

function countArticleFiles(directory: string): number {
  // The same files the loader reads: every Markdown file under articles/.
  try {
    return fs.readdirSync(directory, { recursive: true }).filter((name) => String(name).endsWith('.md')).length;
  } catch {
    return 0;
  }
}

/**
 * Fills the parse cache of a large content folder with one process per core,
 * each parsing its share: parsing is most of a cold build. Unchanged files
 * are reused by each part, so a warm cache costs them little.
 */
async function parseInParallel(root: string, files: number, progress: Progress): Promise<number> {
  const count = os.availableParallelism();
  if (count < 2 || files < PARALLEL_FROM) return 0;
  const script = process.argv[1] ?? '';
  const done = new Array<number>(count).fill(0);
  const parts = Array.from(
    { length: count },
    (_, index) =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [...process.execArgv, script, '--part', `${index}/${count}`], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          // Each part reports `progress N` lines as it goes (see main).
          const reported = output.match(/^progress (\d+)$/gm)?.at(-1);
          if (reported) {
            done[index] = Number(reported.slice('progress '.length));
            progress.update(
              done.reduce((sum, value) => sum + value, 0),
              files,
            );
          }
          output = output.slice(Math.max(0, output.lastIndexOf('\n') + 1 - 200));
        });
        child.once('exit', () => resolve(Number(/parsed (\d+)/.exec(output)?.[1] ?? 0)));
        child.once('error', () => resolve(0));
      }),
  );
  // A part that fails leaves its share to the full check below, which reports any problem.
  return (await Promise.all(parts)).reduce((sum, parsed) => sum + parsed, 0);
}

function readPart(value: string | undefined): { index: number; count: number } | undefined {
  const match = value === undefined ? null : /^(\d+)\/(\d+)$/.exec(value);
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index < count ? { index, count } : undefined;
}

async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const { quiet, part } = args;
  const lib = await importLib();
  if (lib === 'needs-condition') return rerunWithReactServerCondition();
  const { content, env } = lib;

  const root = path.resolve(env.contentDir);
  const shown = path.relative(process.cwd(), root) || '.';
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    console.error(`${NAME}: the content folder "${shown}" does not exist; create it or set DATELINE_CONTENT_DIR`);
    return 1;
  }

  if (part) {
    let reported = 0;
    const onProgress = (done: number) => {
      if (Date.now() - reported < 250) return;
      reported = Date.now();
      console.log(`progress ${done}`);
    };
    const { stats } = content.loadContent(root, { includeDrafts: true, cacheDir: env.contentCacheDir, part, onProgress });
    console.log(`parsed ${stats.parsed}`);
    return 0;
  }
  const started = performance.now();
  const files = countArticleFiles(path.join(root, 'articles'));
  const parsing = createProgress(`${NAME}: parsing ${shown}`);
  const parsedInParts = await parseInParallel(root, files, parsing);
  parsing.end();
  // The build runs this first, so the parse cache it fills saves every build worker the parsing.
  const checking = createProgress(`${NAME}: checking ${shown}`);
  const { index, problems, warnings, stats } = content.loadContent(root, {
    includeDrafts: true,
    imageHosts: imageHostsFrom(env.imageHosts),
    cacheDir: env.contentCacheDir,
    onProgress: (done, total) => checking.update(done, total),
  });
  checking.end();
  const closing = (problemCount: number) =>
    `${NAME}: ${count(files, 'article file')}, ${count(problemCount, 'problem')}, ${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (problems.length > 0) {
    for (const problem of problems) console.error(content.formatProblem(problem));
    console.error(content.summarizeProblems(problems));
    if (!quiet) console.error(closing(problems.length));
    return 1;
  }
  // Warnings never fail the check or the build: each is allowed, and likely a mistake.
  for (const warning of warnings) console.error(`Warning: ${content.formatProblem(warning)}`);
  for (const warning of await goneWithComments(index)) console.error(`Warning: ${warning}`);
  if (!quiet) {
    const counts = index.getStats(new Date());
    console.log(
      `${shown}: ${count(counts.articles, 'article')} (${count(counts.drafts, 'draft')}, ${counts.scheduled} scheduled), ` +
        `${count(counts.authors, 'author')}, ${count(counts.categories, 'category', 'categories')} — OK`,
    );
    const parsed = parsedInParts + stats.parsed;
    console.log(`content cache: ${parsed} parsed, ${stats.parsed + stats.reused - parsed} reused`);
    console.log(closing(0));
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${NAME}: internal error: ${message.split('\n')[0]}`);
    process.exitCode = 2;
  },
);
