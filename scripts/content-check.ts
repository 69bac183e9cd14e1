// `npm run content:check [--quiet]`: validates the content folder the way the
// build does, drafts included, and prints every problem as `path:line: field:
// message`. Exit codes: 0 valid, 1 content problems, 2 an internal error.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const NAME = 'content:check';
const REACT_SERVER = '--conditions=react-server';

type ContentModule = typeof import('@/lib/content');
type Env = (typeof import('@/lib/env'))['env'];

// lib/ modules import `server-only`, which only loads under the react-server
// condition. The build starts this script without it, so run again with it.
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

function count(value: number, singular: string, pluralForm = `${singular}s`): string {
  return `${value} ${value === 1 ? singular : pluralForm}`;
}

async function main(): Promise<number> {
  const quiet = process.argv.slice(2).includes('--quiet');
  const lib = await importLib();
  if (lib === 'needs-condition') return rerunWithReactServerCondition();
  const { content, env } = lib;

  const root = path.resolve(env.contentDir);
  const shown = path.relative(process.cwd(), root) || '.';
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    console.error(`${NAME}: the content folder "${shown}" does not exist; create it or set DATELINE_CONTENT_DIR`);
    return 1;
  }

  // The build runs this first, so the parse cache it fills saves every build worker the parsing.
  const { index, problems, stats } = content.loadContent(root, { includeDrafts: true, cacheDir: env.contentCacheDir });
  if (problems.length > 0) {
    for (const problem of problems) console.error(content.formatProblem(problem));
    console.error(content.summarizeProblems(problems));
    return 1;
  }
  if (!quiet) {
    const counts = index.getStats(new Date());
    console.log(
      `${shown}: ${count(counts.articles, 'article')} (${count(counts.drafts, 'draft')}, ${counts.scheduled} scheduled), ` +
        `${count(counts.authors, 'author')}, ${count(counts.categories, 'category', 'categories')} — OK`,
    );
    console.log(`content cache: ${stats.parsed} parsed, ${stats.reused} reused`);
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
