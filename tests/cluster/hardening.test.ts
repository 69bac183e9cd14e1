// One production server (`next start`, SQLite, no proxy in front) under what
// an attacker tries:
// - made-up addresses cost it nothing lasting: 10,000 unknown but well-formed
//   addresses answer 404 while its build folder and memory stay as they were,
//   and an article published later at one of those addresses renders at once;
// - a client rotating X-Forwarded-For does not step around flood control;
// - a comment database deleted under the running server, or one it cannot
//   write: nothing is acknowledged, health answers 503 with the reason, the
//   log names it, and nothing stored before is lost.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppServer, DIST_DIR, newCommentSecret } from '@/scripts/cluster/servers';
import { fetchCommentForm, MIN_FILL_MS, postComment } from '@/tests/e2e/support/form';
import { COMMENT_ARTICLE, freshToken, openDatabase, runTag, storedWhereBodyStarts } from '@/tests/e2e/support/submissions';

const SECRET = 'unknown-addresses-revalidate-secret';
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
const MIB = 1024 * 1024;

/** Files and bytes under `folder`, symbolic links not followed. */
function footprint(folder: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** GETs every address over `concurrency` connections; the statuses seen, counted. */
async function getAll(addresses: string[], concurrency: number): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < addresses.length) {
      const address = addresses[next] as string;
      next += 1;
      const response = await fetch(address, { signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}

/** `count` unknown addresses of each kind: articles, tags, categories, authors, listing pages past the end. */
function unknownAddresses(base: string, run: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => [
    `${base}/articles/${run}-${index}`,
    `${base}/tag/${run}-${index}`,
    `${base}/category/${run}-${index}`,
    `${base}/author/${run}-${index}`,
    `${base}/page/${10_000 + index}`,
  ]).flat();
}

function publishTo(site: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [TSX, '--conditions=react-server', 'scripts/content-publish.ts', '--site', site],
      { env: { ...process.env, REVALIDATE_SECRET: SECRET }, timeout: 60_000 },
      (error, stdout, stderr) => (error ? reject(new Error(stdout + stderr)) : resolve(stdout + stderr)),
    );
  });
}

describe('unknown addresses on a production server', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-unknown-'));
  const content = path.join(root, 'content');
  const database = path.join(root, 'comments.db');
  let server: AppServer;

  beforeAll(async () => {
    fs.cpSync(path.resolve('content'), content, { recursive: true });
    fs.symlinkSync(path.resolve('public'), path.join(root, 'public'));
    server = await AppServer.start({
      name: 'unknown',
      env: {
        COMMENT_SECRET: newCommentSecret(),
        COMMENTS_SQLITE_PATH: database,
        TRUSTED_PROXIES: undefined,
        DATABASE_URL: undefined,
        REDIS_URL: undefined,
        REVALIDATE_SECRET: SECRET,
        DATELINE_CONTENT_DIR: content,
      },
    });
  });

  afterAll(async () => {
    await server?.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers 10,000 of them with 404 and keeps no page: the build folder and memory stay as they were', { timeout: 900_000 }, async () => {
    const build = path.join(server.folder, DIST_DIR);
    // Warmed up first: the first 2,000 or so renders load each route's code
    // and grow the runtime's heap to its working size.
    const warm = await getAll(unknownAddresses(server.url, 'warm', 400), 8);
    expect(warm, server.log.slice(-3_000)).toEqual(new Map([[404, 2_000]]));
    const diskBefore = footprint(build);
    const memoryBefore = server.memoryBytes();

    const statuses = await getAll(unknownAddresses(server.url, 'made-up', 2_000), 8);

    const diskAfter = footprint(build);
    const memoryAfter = server.memoryBytes();
    console.log(
      `10,000 unknown addresses: build folder ${diskBefore.files} files, ${(diskBefore.bytes / MIB).toFixed(1)} MB before; ` +
        `${diskAfter.files} files, ${(diskAfter.bytes / MIB).toFixed(1)} MB after. ` +
        `Memory ${(memoryBefore / MIB).toFixed(0)} MB before, ${(memoryAfter / MIB).toFixed(0)} MB after.`,
    );
    expect(statuses).toEqual(new Map([[404, 10_000]]));
    expect(diskAfter).toEqual(diskBefore);
    // Kept pages grew the server by about 270 MB per 1,000 addresses; what is
    // left here (about 20 MB) is the runtime's heap breathing.
    expect(memoryAfter - memoryBefore).toBeLessThan(64 * MIB);
  });

  it('renders an article published later at an address that answered 404', async () => {
    const slug = 'made-up-7';
    const before = await fetch(`${server.url}/articles/${slug}`);
    await before.arrayBuffer();
    expect(before.status).toBe(404);
    fs.writeFileSync(
      path.join(content, 'articles', `${slug}.md`),
      [
        '---',
        'title: "Count of district results begins"',
        `date: ${new Date(Date.now() - 60_000).toISOString()}`,
        'author: desk-region',
        'categories: [Politics]',
        'tags: [elections]',
        '---',
        'Officials said the count would be published district by district.',
        '',
      ].join('\n'),
    );
    expect(await publishTo(server.url)).toContain(`Published 1 (${slug})`);
    const after = await fetch(`${server.url}/articles/${slug}`);
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Count of district results begins');
  });

  it('stores one comment from one client in 15 s, whatever X-Forwarded-For it sends', async () => {
    const tag = runTag();
    const forwarded = [...Array.from({ length: 27 }, (_, index) => `203.0.113.${index + 1}`), 'unknown', '', ' , '];
    const form = await fetchCommentForm(server.url, COMMENT_ARTICLE);
    // A token of its own for each post, so only the per-address limit stands in the way.
    const tokens = await Promise.all(forwarded.map(() => freshToken(server.url, COMMENT_ARTICLE)));
    await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS));
    const answers: number[] = [];
    for (const [index, value] of forwarded.entries()) {
      const result = await postComment(
        server.url,
        { ...form, fields: { ...form.fields, token: tokens[index] ?? '' } },
        {
          comment: `Flood ${tag} ${index}: the count went on past midnight.`,
          name: `Reader ${index}`,
          email: `flood-${tag}-${index}@example.com`,
        },
        { headers: { 'x-forwarded-for': value } },
      );
      answers.push(result.status);
    }
    expect(answers.every((status) => status === 200)).toBe(true);
    const db = openDatabase(database);
    try {
      expect(storedWhereBodyStarts(db, `Flood ${tag}`)).toHaveLength(1);
    } finally {
      db.close();
    }
  });

  // Last: it leaves the server without its database.
  it('acknowledges no comment once the database file is deleted, and says why in health and the log', async () => {
    const form = await fetchCommentForm(server.url, COMMENT_ARTICLE);
    const token = await freshToken(server.url, COMMENT_ARTICLE);
    await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS));
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(database + suffix, { force: true });
    const result = await postComment(
      server.url,
      { ...form, fields: { ...form.fields, token } },
      { comment: 'Posted after the database was deleted.', name: 'Late reader', email: `late-${runTag()}@example.com` },
      { headers: { 'x-forwarded-for': '198.51.100.200' } },
    );
    expect(result.html).not.toContain('Your comment is awaiting moderation.');
    expect(result.html).toContain('We could not save your comment just now.');
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    const answer = (await health.json()) as { status: string; reason: string };
    expect(answer).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('file was deleted while the server ran') });
    // The answer is public: the file's path is for the log only.
    expect(answer.reason).not.toContain(root);
    expect(server.log).toContain('comment submission failed: unavailable: The comment database file was deleted while the server ran');
    expect(server.log).toContain(`the file now there. (${database})`);
  });
});

/**
 * Makes a folder read-only for this machine's user: as root, which file
 * permissions do not stop, a read-only bind mount over it (as a volume
 * mounted read-only would be); otherwise its permissions. Returns the undo.
 */
function makeReadOnly(folder: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('mount', ['--bind', folder, folder]);
    execFileSync('mount', ['-o', 'remount,bind,ro', folder]);
    return () => execFileSync('umount', [folder]);
  }
  const files = fs.readdirSync(folder).map((name) => path.join(folder, name));
  for (const file of files) fs.chmodSync(file, 0o400);
  fs.chmodSync(folder, 0o500);
  return () => {
    fs.chmodSync(folder, 0o700);
    for (const file of files) fs.chmodSync(file, 0o600);
  };
}

/** How the store names the folder makeReadOnly leaves. */
const READ_ONLY_REASON = process.getuid?.() === 0 ? 'on a read-only file system' : 'not writable (EACCES)';

describe('a comment database the server cannot write', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-readonly-'));
  const database = path.join(folder, 'comments.sqlite');
  let server: AppServer;
  let undo: (() => void) | null = null;

  beforeAll(async () => {
    server = await AppServer.start({
      name: 'read-only',
      env: {
        COMMENT_SECRET: newCommentSecret(),
        COMMENTS_SQLITE_PATH: database,
        // Each post as its own reader, so flood control stays out of the way.
        TRUSTED_PROXIES: '127.0.0.1',
        DATABASE_URL: undefined,
        REDIS_URL: undefined,
      },
    });
  });

  afterAll(async () => {
    await server?.dispose();
    undo?.();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('is named at start and in health (503), acknowledges nothing, and keeps what it stored', { timeout: 120_000 }, async () => {
    const tag = runTag();
    let readers = 0;
    const post = async (label: string, form: Awaited<ReturnType<typeof fetchCommentForm>>) =>
      postComment(
        server.url,
        form,
        {
          comment: `Read-only ${tag} ${label}: the turnout table.`,
          name: `Reader ${label}`,
          email: `readonly-${tag}-${label}@example.com`,
        },
        { headers: { 'x-forwarded-for': `198.51.100.${(readers += 1)}` } },
      );
    const formWithToken = async () => {
      const form = await fetchCommentForm(server.url, COMMENT_ARTICLE);
      const token = await freshToken(server.url, COMMENT_ARTICLE);
      await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS));
      return { ...form, fields: { ...form.fields, token } };
    };
    // Before: one comment stored.
    expect((await post('before', await formWithToken())).html).toContain('Your comment is awaiting moderation.');
    await server.stop();

    undo = makeReadOnly(folder);
    await server.restart({ healthy: false });
    await expect
      .poll(() => server.log, { timeout: 10_000 })
      .toContain(
        `Comment store: The comment database cannot be written: the file is ${READ_ONLY_REASON}; let the server write the file, its -wal and -shm files and their folder (${database}).`,
      );
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    // The same sentence, without the path: the answer is public.
    expect((await health.json()) as { reason: string }).toEqual({
      status: 'unavailable',
      reason: `The comment database cannot be written: the file is ${READ_ONLY_REASON}; let the server write the file, its -wal and -shm files and their folder.`,
    });
    const form = await formWithToken();
    const refused = await post('during', form);
    expect(refused.html).not.toContain('Your comment is awaiting moderation.');
    expect(refused.html).toContain('We could not save your comment just now.');
    expect(server.log).toMatch(
      /comment submission failed: unavailable: The comment database (is read-only|could not be|cannot be written)/,
    );

    // Fixed and restarted: the same form sends the comment, and the earlier one is still there.
    await server.stop();
    undo();
    undo = null;
    await server.restart();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await post('during', form)).html).toContain('Your comment is awaiting moderation.');
    const db = openDatabase(database);
    try {
      expect(storedWhereBodyStarts(db, `Read-only ${tag} before`)).toHaveLength(1);
      expect(storedWhereBodyStarts(db, `Read-only ${tag} during`)).toHaveLength(1);
    } finally {
      db.close();
    }
  });
});

describe('settings a server is started with', () => {
  it('stops at start on a COMMENT_SECRET too short, naming the problem and the fix', async () => {
    const started = AppServer.start({
      name: 'short-secret',
      env: { COMMENT_SECRET: 'short', DATABASE_URL: undefined, REDIS_URL: undefined },
    });
    const error = await started.then(
      async (server) => {
        await server.dispose();
        return new Error('The server started with a short COMMENT_SECRET.');
      },
      (reason: unknown) => reason as Error,
    );
    expect(error.message).toContain('exited while starting');
    expect(error.message).toContain('COMMENT_SECRET: is too short; use a random string of at least 32 characters');
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it('warns at start when SITE_URL differs from the build’s, saying how to fix it', async () => {
    const server = await AppServer.start({
      name: 'other-site-url',
      env: { COMMENT_SECRET: newCommentSecret(), SITE_URL: 'https://elsewhere.example', DATABASE_URL: undefined, REDIS_URL: undefined },
    });
    try {
      expect(server.log).toMatch(
        /Warning: SITE_URL is https:\/\/elsewhere\.example here but the pages were built with [^:]+(:\/\/[^:]+)?: prerendered pages show the build's value/,
      );
      expect(server.log).toContain('or build again with the new value.');
    } finally {
      await server.dispose();
    }
  });
});
