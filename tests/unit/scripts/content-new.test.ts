import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadContent } from '@/lib/content';

const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
const SCRIPT = 'scripts/content-new.ts';

type Run = { code: number | null; stdout: string; stderr: string };

let root: string;
let content: string;

function run(args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATELINE_CONTENT_DIR: content, DATELINE_CONTENT_CACHE_DIR: path.join(root, 'cache') };
  return new Promise((resolve) => {
    // stdin is not a terminal here, so nothing is asked.
    const child = execFile(
      process.execPath,
      [TSX, '--conditions=react-server', SCRIPT, ...args],
      { env, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : error ? null : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-content-new-'));
  content = path.join(root, 'content');
  fs.cpSync(path.resolve('content'), content, { recursive: true });
  fs.symlinkSync(path.resolve('public'), path.join(root, 'public'));
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('npm run content:new', () => {
  it('writes a draft with the front-matter contract filled in, which the content check accepts', async () => {
    const before = Date.now();
    const result = await run([
      'Parliament passes the 2027 budget',
      '--author',
      'desk-islamabad',
      '--category',
      'politics',
      '--category',
      'Pakistan',
      '--zone',
      'Asia/Karachi',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wrote');
    expect(result.stdout).toContain('parliament-passes-the-2027-budget.md (a draft)');
    const text = fs.readFileSync(path.join(content, 'articles', 'parliament-passes-the-2027-budget.md'), 'utf8');
    // The desk's own offset: Karachi is +05:00.
    expect(text).toMatch(/^date: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:00$/m);
    expect(text).toContain('draft: true');
    // Categories as categories.yml names them.
    expect(text).toContain('  - Politics\n  - Pakistan\n');

    const { index, problems } = loadContent(content, { includeDrafts: true });
    expect(problems).toEqual([]);
    const article = index.getArticle('parliament-passes-the-2027-budget', new Date(Date.now() + 60_000));
    expect(article).toMatchObject({ title: 'Parliament passes the 2027 budget', draft: true });
    expect(article?.categories.map((category) => category.name)).toEqual(['Politics', 'Pakistan']);
    expect(article?.authors.map((author) => author.id)).toEqual(['desk-islamabad']);
    expect(Date.parse(article?.date ?? '')).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  });

  it('refuses a slug already taken, and never overwrites the file', async () => {
    const file = path.join(content, 'articles', 'understanding-the-durand-line.md');
    const original = fs.readFileSync(file, 'utf8');
    const result = await run(['Understanding the Durand Line', '--author', 'desk-region', '--category', 'Region']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('understanding-the-durand-line.md already exists; choose another headline or give --slug');
    expect(fs.readFileSync(file, 'utf8')).toBe(original);
  });

  it('asks for what it needs with the values it knows, and a slug for a headline in another script', async () => {
    const noAuthor = await run(['Border crossing reopens']);
    expect(noAuthor.code).toBe(2);
    expect(noAuthor.stderr).toContain('give the author with --author ID (known: desk-islamabad, desk-kabul, desk-region)');
    const unknown = await run(['Border crossing reopens', '--author', 'desk-kabul', '--category', 'Weather']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown category "Weather"; use one of: Afghanistan');
    const dari = await run(['تقویم هجری شمسی', '--author', 'desk-kabul', '--category', 'Society', '--lang', 'fa-AF']);
    expect(dari.code).toBe(2);
    expect(dari.stderr).toContain('give one with --slug');
    const withSlug = await run([
      'تقویم هجری شمسی',
      '--slug',
      'solar-hijri-calendar',
      '--author',
      'desk-kabul',
      '--category',
      'Society',
      '--lang',
      'fa-AF',
    ]);
    expect(withSlug.code).toBe(0);
    expect(fs.readFileSync(path.join(content, 'articles', 'solar-hijri-calendar.md'), 'utf8')).toContain('lang: fa-AF');
  });
});
