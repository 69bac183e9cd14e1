import { execFile } from 'node:child_process';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
const SCRIPT = 'scripts/content-check.ts';

type Run = { code: number | null; stdout: string; stderr: string };

function check(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, '--conditions=react-server', SCRIPT, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : error ? null : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('content:check command line', () => {
  it('answers --help with its usage and checks nothing', async () => {
    for (const flag of ['--help', '-h']) {
      const run = await check([flag]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: npm run content:check \[-- --quiet\]/);
      expect(run.stdout).not.toContain('— OK');
    }
  });

  it('names an unknown option, prints the usage and exits 2', async () => {
    const run = await check(['--quite']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^content:check: Unknown option '--quite'/);
    expect(run.stderr).toContain('Usage: npm run content:check');
    expect(run.stdout).toBe('');
  });
});

describe('content:check warnings', () => {
  it('warns, without failing, about a strip that already ended and about comments whose article file is gone', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const { createSqliteCommentStore } = await import('@/lib/comments/sqlite');
    const { comment, meta } = await import('../lib/comments/harness');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-content-check-'));
    try {
      const content = path.join(root, 'content');
      fs.cpSync(path.resolve('content'), content, { recursive: true });
      fs.symlinkSync(path.resolve('public'), path.join(root, 'public'));
      const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
      fs.writeFileSync(
        path.join(content, 'articles', 'polls-close-early.md'),
        [
          '---',
          'title: Polls close early',
          `date: ${new Date(Date.now() - 7_200_000).toISOString()}`,
          'author: desk-kabul',
          'categories: [Politics]',
          'breaking: "Polls close early in two provinces"',
          `breakingUntil: ${hourAgo}`,
          '---',
          'Polling stations closed two hours early.',
          '',
        ].join('\n'),
      );
      const database = path.join(root, 'comments.sqlite');
      const store = createSqliteCommentStore({ filename: database });
      await store.migrate();
      for (const [articleSlug, email] of [
        ['a-story-deleted-by-hand', 'one@example.com'],
        ['a-story-deleted-by-hand', 'two@example.com'],
        ['salang-pass-winter-maintenance', 'three@example.com'],
      ] as const) {
        const result = await store.create(comment({ articleSlug, email }), meta({ ipHash: email }));
        expect(result.outcome).toBe('created');
      }
      await store.close();

      const run = await new Promise<Run>((resolve) => {
        const env = {
          ...process.env,
          DATELINE_CONTENT_DIR: content,
          DATELINE_CONTENT_CACHE_DIR: path.join(root, 'cache'),
          COMMENTS_SQLITE_PATH: database,
        };
        execFile(
          process.execPath,
          [TSX, '--conditions=react-server', SCRIPT, '--quiet'],
          { env, timeout: 60_000 },
          (error, stdout, stderr) => {
            resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
          },
        );
      });
      expect(run.code).toBe(0);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toEqual([
        expect.stringMatching(
          /^Warning: content\/articles\/polls-close-early\.md:7: breakingUntil: is before now \(.+\), so the strip will not show; set a later time, or remove breaking and breakingUntil$/,
        ),
        'Warning: a-story-deleted-by-hand.md is gone with 2 comments, which readers no longer see: if it was renamed, add redirectFrom: [a-story-deleted-by-hand] to the new file; if it was taken down, list it in content/removed.yml. The comments are kept.',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
