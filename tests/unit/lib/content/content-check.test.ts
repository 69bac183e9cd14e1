import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { B, BROKEN_REPORT, article, removeTrees, validFields, writeTree } from './helpers';

afterAll(removeTrees);

const cacheDirs: string[] = [];
afterAll(() => cacheDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function newCacheDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cache-'));
  cacheDirs.push(dir);
  return dir;
}

const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
const SCRIPT = 'scripts/content-check.ts';

function check(contentDir: string, options: { flags?: string[]; reactServer?: boolean; cacheDir?: string } = {}) {
  const conditions = options.reactServer === false ? [] : ['--conditions=react-server'];
  const cache = options.cacheDir ? { DATELINE_CONTENT_CACHE_DIR: options.cacheDir } : {};
  const result = spawnSync(process.execPath, [TSX, ...conditions, SCRIPT, ...(options.flags ?? [])], {
    encoding: 'utf8',
    env: { ...process.env, DATELINE_CONTENT_DIR: contentDir, NODE_ENV: 'production', ...cache },
  });
  // The closing line (files, problems, time) varies in its time; it is checked on its own below.
  const closing = /^content:check: \d+ article files?, \d+ problems?, \d+\.\d s\n/m;
  return { code: result.status, stdout: result.stdout.replace(closing, ''), stderr: result.stderr.replace(closing, '') };
}


const M = 'tests/fixtures/content/moves';

const movesReport = [
  `${M}/articles/bad-old-slug.md:6: redirectFrom: "Budget Vote" is not a valid slug; use lower-case letters, digits and hyphens, e.g. budget-vote`,
  `${M}/articles/bad-shape.md:6: redirectFrom: must be a list of old slugs, e.g. redirectFrom: [budget-passed]`,
  `${M}/articles/budget-vote.md:8: redirectFrom: "budget-vote" is this article's own slug; list only the slugs it had before`,
  `${M}/articles/budget-vote.md:9: redirectFrom: "kabul-water" is the slug of ${M}/articles/kabul-water.md, a live article; an address cannot be both old and live`,
  `${M}/articles/loop-a.md:6: redirectFrom: "loop-b" is the slug of ${M}/articles/loop-b.md, which redirects from "loop-a": the two addresses would redirect to each other in a loop; remove one of them`,
  `${M}/articles/loop-b.md:6: redirectFrom: "loop-a" is the slug of ${M}/articles/loop-a.md, which redirects from "loop-b": the two addresses would redirect to each other in a loop; remove one of them`,
  `${M}/articles/moved-and-gone.md:6: redirectFrom: "old-gone" is listed as removed in ${M}/removed.yml:2; an address cannot be both moved and gone`,
  `${M}/articles/second-claim.md:6: redirectFrom: "water-tables" is already redirected to "kabul-water" by ${M}/articles/kabul-water.md; an old address can lead to one article only`,
  `${M}/removed.yml:3: slug: "kabul-water" is still an article (${M}/articles/kabul-water.md); delete that file or remove this entry`,
  `${M}/removed.yml:4: slug: "Old Story" is not a valid slug; use lower-case letters, digits and hyphens, e.g. old-story`,
  `${M}/removed.yml:5: removed: "yesterday" is not an ISO 8601 date; write a day like 2026-11-20 or a time like 2026-11-02T09:30:00+04:30`,
  `${M}/removed.yml:6: removed: "2026-02-30" is not a real date; write it like 2026-11-20`,
  `${M}/removed.yml:7: slug: "old-gone" is already listed on line 2; keep one entry`,
  `${M}/removed.yml:8: reasn: unknown field; did you mean "reason"?`,
  `${M}/removed.yml:9: slug: is required; add the slug of the removed article, e.g. slug: budget-passed`,
  `${M}/removed.yml:10: entry: must be fields, e.g. - { slug: budget-passed, removed: 2026-11-20, reason: "Withdrawn at the source's request" }`,
  '16 problems in 8 files',
];

describe('npm run content:check', () => {
  it('ends with a line of files, problems and time, and shows no progress counter outside a terminal', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATELINE_CONTENT_DIR: 'tests/fixtures/content/valid', NODE_ENV: 'production' };
    const ok = spawnSync(process.execPath, [TSX, '--conditions=react-server', SCRIPT], { encoding: 'utf8', env });
    expect(ok.stdout).toMatch(/\ncontent:check: 6 article files, 0 problems, \d+\.\d s\n$/);
    expect(ok.stderr).not.toContain('\r');
    const broken = spawnSync(process.execPath, [TSX, '--conditions=react-server', SCRIPT], {
      encoding: 'utf8',
      env: { ...env, DATELINE_CONTENT_DIR: B },
    });
    expect(broken.stderr).toMatch(/\ncontent:check: \d+ article files, \d+ problems, \d+\.\d s\n$/);
  });

  it('shows a progress counter on a terminal, and none there when CI is set', () => {
    // `script` (util-linux) runs the check on a pseudo-terminal, as an editor's shell does.
    const command = [process.execPath, TSX, '--conditions=react-server', SCRIPT].map((word) => `'${word}'`).join(' ');
    const onTerminal = (ci: string | undefined) => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATELINE_CONTENT_DIR: 'tests/fixtures/content/valid',
        DATELINE_CONTENT_CACHE_DIR: newCacheDir(),
        NODE_ENV: 'production',
      };
      if (ci === undefined) delete env.CI;
      else env.CI = ci;
      const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env });
      expect(run.status).toBe(0);
      return run.stdout;
    };
    const terminal = onTerminal(undefined);
    // The counter rewrites one line (carriage return, erase to the end of the line) and is cleared before the closing line.
    expect(terminal).toMatch(/\r\x1b\[Kcontent:check: checking tests\/fixtures\/content\/valid: 6 of 6 \(100%\)\r\x1b\[K/);
    expect(terminal).toMatch(/\ncontent:check: 6 article files, 0 problems, \d+\.\d s\r?\n$/);
    const inCi = onTerminal('true');
    expect(inCi).toMatch(/content:check: 6 article files, 0 problems/);
    expect(inCi).not.toMatch(/ of 6 \(/);
  });

  it('prints every problem to stderr and exits 1, even in production where drafts are not served', () => {
    const result = check(B);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual(BROKEN_REPORT);
  });

  it('checks moved and removed articles: no loops, no clash with a live slug, one place per old address', () => {
    const result = check(M);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual(movesReport);
  });

  it('summarizes valid content on one line, says what the parse cache saved, and exits 0', () => {
    const cacheDir = newCacheDir();
    const summary = 'tests/fixtures/content/valid: 6 articles (1 draft, 1 scheduled), 2 authors, 5 categories — OK';
    expect(check('tests/fixtures/content/valid', { cacheDir })).toEqual({
      code: 0,
      stdout: `${summary}\ncontent cache: 6 parsed, 0 reused\n`,
      stderr: '',
    });
    expect(check('tests/fixtures/content/valid', { cacheDir }).stdout).toBe(`${summary}\ncontent cache: 0 parsed, 6 reused\n`);
  });

  it('reports problems found after the parse with their lines when the article comes from the cache', () => {
    const cacheDir = newCacheDir();
    expect(check(M, { cacheDir }).stderr.trimEnd().split('\n')).toEqual(movesReport);
    expect(check(M, { cacheDir }).stderr.trimEnd().split('\n')).toEqual(movesReport);
    expect(check(B, { cacheDir }).stderr.trimEnd().split('\n')).toEqual(BROKEN_REPORT);
    expect(check(B, { cacheDir }).stderr.trimEnd().split('\n')).toEqual(BROKEN_REPORT);
  });

  it('prints nothing for valid content with --quiet', () => {
    expect(check('tests/fixtures/content/valid', { flags: ['--quiet'] })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('also works when started without the react-server condition, as the build does', () => {
    expect(check('tests/fixtures/content/valid', { flags: ['--quiet'], reactServer: false })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    const broken = check(B, { flags: ['--quiet'], reactServer: false });
    expect(broken.code).toBe(1);
    expect(broken.stderr.trimEnd().split('\n')).toEqual(BROKEN_REPORT);
  });

  it('explains a missing content folder in one line, without a stack trace', () => {
    expect(check('tests/fixtures/content/nowhere')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'content:check: the content folder "tests/fixtures/content/nowhere" does not exist; create it or set DATELINE_CONTENT_DIR\n',
    });
  });

  it('reports an unexpected failure in one line with exit code 2', () => {
    const root = writeTree({ 'articles/a.md': article(validFields()) });
    const loop = path.join(root, 'articles', 'loop.md');
    fs.symlinkSync(loop, loop);
    const result = check(root);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^content:check: internal error: ELOOP: [^\n]*\n$/);
  });
});
