// One production server (`next start`, SQLite, no proxy in front) under what
// an attacker tries:
// - made-up addresses cost it nothing lasting: 10,000 unknown but well-formed
//   addresses answer 404 while its build folder and memory stay as they were,
//   and an article published later at one of those addresses renders at once;
// - a client rotating X-Forwarded-For does not step around flood control.
import { execFile } from 'node:child_process';
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
});
