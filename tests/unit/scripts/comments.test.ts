import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { createSqliteCommentStore } from '@/lib/comments/sqlite';
import type { CommentStore, NewComment } from '@/lib/comments/store';

// The CLI runs as a child process, as an operator runs it, against a real SQLite file.

const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
const SCRIPT = path.resolve('scripts/comments.ts');
const ARTICLE = 'how-pakistan-runs-a-general-election';
const OTHER_ARTICLE = 'hijri-shamsi-calendar-explained';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cli-'));
afterAll(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

type Run = { code: number | null; stdout: string; stderr: string };

function cli(dbPath: string, args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, COMMENTS_SQLITE_PATH: dbPath, ...extraEnv };
  for (const name of ['DATABASE_URL', 'REVALIDATE_SECRET', 'SITE_URL'] as const) {
    if (!(name in extraEnv)) delete env[name];
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, '--conditions=react-server', SCRIPT, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : error ? null : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let counter = 0;
const SEED_START = Date.now() - 24 * 60 * 60 * 1_000;
let dbPath = '';

async function withStore<T>(work: (store: CommentStore) => Promise<T>): Promise<T> {
  const store = createSqliteCommentStore({ filename: dbPath });
  try {
    await store.migrate();
    return await work(store);
  } finally {
    await store.close();
  }
}

async function seed(fields: Partial<NewComment> = {}): Promise<number> {
  counter += 1;
  const input: NewComment = {
    articleSlug: ARTICLE,
    parentId: null,
    name: `Reader ${counter}`,
    email: `reader-${counter}@example.test`,
    website: null,
    body: `Comment number ${counter}.`,
    ...fields,
  };
  return withStore(async (store) => {
    const result = await store.create(input, {
      idempotencyKey: `seed-${counter}`,
      formKey: `seed-form-${counter}`,
      ipHash: null,
      status: 'held',
      statusReason: 'new comment',
      // Past the flood interval from the previous seed, as if readers posted over a day.
      now: new Date(SEED_START + counter * 60_000),
    });
    if (result.outcome !== 'created') throw new Error(`seed failed: ${result.outcome}`);
    return result.comment.id;
  });
}

function status(id: number): string | undefined {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT status FROM comments WHERE id = ?').get(id) as { status: string } | undefined)?.status;
  } finally {
    db.close();
  }
}

function expectNoStackTrace(run: Run): void {
  expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
}

beforeEach(() => {
  dbPath = path.join(tempRoot, `c-${Date.now()}-${Math.random().toString(36).slice(2)}`, 'comments.sqlite');
});

describe('npm run comments', () => {
  it('prints help with exit code 0, and usage with exit code 2 when no command is given', async () => {
    const help = await cli(dbPath, ['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('approve ID…');
    const none = await cli(dbPath, []);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: npm run comments');
  });

  it('answers --help on every command with that command’s usage, without opening the store', async () => {
    for (const [command, shows] of [
      ['list', '--status held|approved|spam|trash'],
      ['approve', 'approve ID…'],
      ['erase', 'erase EMAIL'],
    ] as const) {
      for (const flag of ['--help', '-h']) {
        const run = await cli(dbPath, [command, flag]);
        expect(run.code, `${command} ${flag}`).toBe(0);
        expect(run.stdout).toMatch(new RegExp(`^Usage: npm run comments -- ${command} `));
        expect(run.stdout).toContain(shows);
      }
    }
    expect(fs.existsSync(dbPath)).toBe(false);
  });

  it('names an unknown option with the command’s usage and exit code 2', async () => {
    const run = await cli(dbPath, ['approve', '12', '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('comments: Unknown option "--force" for approve.');
    expect(run.stderr).toContain('Usage: npm run comments -- approve ID…');
    const missing = await cli(dbPath, ['list', '--article']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--article needs a value.');
    expect(missing.stderr).toContain('Usage: npm run comments -- list');
    expect(fs.existsSync(dbPath)).toBe(false);
  });

  it('refuses an unknown command, a non-numeric id and bad options with exit code 2 and no stack trace', async () => {
    for (const args of [
      ['frobnicate'],
      ['approve', 'abc'],
      ['approve'],
      ['spam', '-1'],
      ['list', '--status', 'pending'],
      ['list', '--limit', 'x'],
      ['list', '--colour'],
    ]) {
      const run = await cli(dbPath, args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^comments: /);
      expectNoStackTrace(run);
    }
    expect((await cli(dbPath, ['approve', '12x'])).stderr).toContain('Not a comment id: "12x"');
  });

  it('says which ids do not exist, with exit code 1', async () => {
    const id = await seed();
    const run = await cli(dbPath, ['approve', String(id), '987654']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Approved 1 comment: #${id}.`);
    expect(run.stderr).toContain('No comment with id #987654.');
    expect(status(id)).toBe('approved');
  });

  it('lists comments by state, article and limit, with the moderator view (email included)', async () => {
    const first = await seed({ name: 'Amina', email: 'amina@example.test', body: 'First line\nSecond line' });
    const second = await seed({ articleSlug: OTHER_ARTICLE });
    const held = await cli(dbPath, ['list']);
    expect(held.code).toBe(0);
    expect(held.stdout).toContain('2 held comments');
    expect(held.stdout).toContain(`#${first}  held`);
    expect(held.stdout).toContain('Amina <amina@example.test>');
    expect(held.stdout).toContain('    | Second line');
    const filtered = await cli(dbPath, ['list', '--article', OTHER_ARTICLE]);
    expect(filtered.stdout).toContain(`#${second}`);
    expect(filtered.stdout).not.toContain(`#${first} `);
    const limited = await cli(dbPath, ['list', '--limit=1']);
    expect(limited.stdout).toContain('Showing the newest 1');
    await cli(dbPath, ['approve', String(first)]);
    const approved = await cli(dbPath, ['list', '--status', 'approved']);
    expect(approved.stdout).toContain('1 approved comment');
    expect(approved.stdout).toContain(`#${first}  approved`);
  });

  it('approves, holds, marks spam, trashes and restores, one or many at once, recording the operator', async () => {
    const [a, b, c] = [await seed(), await seed(), await seed()];
    expect((await cli(dbPath, ['approve', String(a), `${b},${c}`])).stdout).toContain('Approved 3 comments');
    expect([status(a), status(b), status(c)]).toEqual(['approved', 'approved', 'approved']);
    expect((await cli(dbPath, ['spam', String(a)])).code).toBe(0);
    expect(status(a)).toBe('spam');
    expect((await cli(dbPath, ['restore', String(a)])).stdout).toContain(`Restored 1 comment: #${a}.`);
    expect(status(a)).toBe('approved');
    await cli(dbPath, ['trash', String(b)]);
    expect(status(b)).toBe('trash');
    await cli(dbPath, ['hold', String(c)]);
    expect(status(c)).toBe('held');
    const again = await cli(dbPath, ['hold', String(c)]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Unchanged: #${c} (already in that state).`);

    const user = os.userInfo().username.replace(/[^A-Za-z0-9._-]/g, '_');
    const events = await withStore((store) => store.getEvents(a));
    expect(events.map((event) => [event.action, event.actor])).toEqual([
      ['create', 'reader'],
      ['approve', `cli:${user}`],
      ['spam', `cli:${user}`],
      ['restore', `cli:${user}`],
    ]);
  });

  it('stores the change and says so when no REVALIDATE_SECRET is set or the site cannot be reached', async () => {
    const id = await seed();
    const unset = await cli(dbPath, ['approve', String(id)]);
    expect(unset.code).toBe(0);
    expect(unset.stderr).toContain('REVALIDATE_SECRET is not set');
    expect(status(id)).toBe('approved');
    const unreachable = await cli(dbPath, ['trash', String(id)], { REVALIDATE_SECRET: 's3cret', SITE_URL: 'http://127.0.0.1:9' });
    expect(unreachable.code).toBe(0);
    expect(unreachable.stderr).toContain('could not be reached');
    expect(status(id)).toBe('trash');
  });

  it('asks the running site to revalidate the affected article with the bearer token', async () => {
    const requests: Array<{ url?: string; authorization?: string; body: string }> = [];
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        requests.push({ url: request.url, authorization: request.headers.authorization, body });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"revalidated":[]}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const id = await seed();
      const run = await cli(dbPath, ['approve', String(id)], { REVALIDATE_SECRET: 's3cret', SITE_URL: `http://127.0.0.1:${port}` });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`updates 1 article page: ${ARTICLE}`);
      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatchObject({ url: '/api/revalidate', authorization: 'Bearer s3cret' });
      expect(JSON.parse(requests[0]?.body ?? '{}').paths).toContain(`/articles/${ARTICLE}`);
      // Holding a held comment changes no public page: nothing to revalidate.
      const held = await seed();
      await cli(dbPath, ['spam', String(held)], { REVALIDATE_SECRET: 's3cret', SITE_URL: `http://127.0.0.1:${port}` });
      expect(requests).toHaveLength(1);
    } finally {
      server.close();
    }
  });

  it('exports one reader’s data as JSON and erases it without printing the address', async () => {
    const email = 'data-request@example.test';
    const mine = await seed({ email, body: 'Mine.' });
    await seed({ email: 'DATA-REQUEST@example.test', body: 'Also mine.' });
    const other = await seed({ body: 'Not mine.' });
    const exported = await cli(dbPath, ['export', email]);
    expect(exported.code).toBe(0);
    const data = JSON.parse(exported.stdout) as { email: string; comments: Array<{ id: number; body: string; history: unknown[] }> };
    expect(data.email).toBe(email);
    expect(data.comments.map((comment) => comment.body)).toEqual(['Mine.', 'Also mine.']);
    expect(data.comments[0]?.history).toHaveLength(1);

    const erased = await cli(dbPath, ['erase', email]);
    expect(erased.code).toBe(0);
    expect(erased.stdout).toContain('Erased 2 comments');
    expect(`${erased.stdout}${erased.stderr}`).not.toMatch(/data-request/i);
    expect(status(mine)).toBeUndefined();
    expect(status(other)).toBe('held');
    expect(JSON.parse((await cli(dbPath, ['export', email])).stdout).comments).toEqual([]);
  });

  it('refuses a malformed email address for export and erase', async () => {
    for (const args of [['export', 'not-an-email'], ['erase'], ['erase', 'a@b.c', 'extra']]) {
      const run = await cli(dbPath, args);
      expect(run.code, args.join(' ')).toBe(2);
      expectNoStackTrace(run);
    }
  });

  it('answers exit code 1 with a sentence, not a stack trace, when the database cannot be opened', async () => {
    const blocker = path.join(tempRoot, 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const run = await cli(path.join(blocker, 'comments.sqlite'), ['list']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^comments: Comments are unavailable right now/);
    expectNoStackTrace(run);
  });
});
