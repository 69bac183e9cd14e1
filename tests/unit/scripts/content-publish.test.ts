import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
const SCRIPT = 'scripts/content-publish.ts';

type Run = { code: number | null; stdout: string; stderr: string };

function publish(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv };
  for (const name of ['REVALIDATE_SECRET', 'SITE_URL'] as const) {
    if (!(name in extraEnv)) delete env[name];
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, '--conditions=react-server', SCRIPT, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : error ? null : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

// A stand-in for the site's /api/revalidate: answers what `reply` says and records the calls.
const calls: Array<{ url?: string; authorization?: string; body: string }> = [];
let reply: { status: number; body: unknown } = { status: 200, body: {} };
const server = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    calls.push({ url: request.url, authorization: request.headers.authorization, body });
    response.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
  });
});
let site = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
});

describe('npm run content:publish', () => {
  it('asks the site to read the content again and says what went live', async () => {
    reply = {
      status: 200,
      body: {
        published: ['border-reopens'],
        updated: [],
        withdrawn: ['old-rumour'],
        parsed: 1,
        reused: 9_999,
        ms: 412,
        everything: false,
        revalidated: ['/', '/articles/border-reopens', '/feed.xml'],
      },
    };
    calls.length = 0;
    const run = await publish(['--site', site], { REVALIDATE_SECRET: 's3cret' });
    expect(run).toEqual({
      code: 0,
      stdout:
        'Published 1 (border-reopens); updated 0; withdrawn 1 (old-rumour).\n1 file parsed, 9999 unchanged; 3 pages regenerated in 412 ms.\n',
      stderr: '',
    });
    expect(calls).toEqual([{ url: '/api/revalidate', authorization: 'Bearer s3cret', body: '{"content":true}' }]);
  });

  it('prints the problems of refused content, one per line, and exits 1', async () => {
    reply = {
      status: 422,
      body: {
        error: 'The content has problems, so the site keeps serving the previous version. Fix them and call again.',
        problems: ['content/articles/x.md:3: date: "soon" is not an ISO 8601 date'],
      },
    };
    const run = await publish(['--site', site], { REVALIDATE_SECRET: 's3cret' });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toEqual([
      'content/articles/x.md:3: date: "soon" is not an ISO 8601 date',
      'content:publish: The content has problems, so the site keeps serving the previous version. Fix them and call again.',
      '',
    ]);
  });

  it('explains a refused secret, a site that cannot be reached, and missing settings', async () => {
    reply = { status: 401, body: { error: 'A valid bearer token is required.' } };
    const refused = await publish(['--site', site], { REVALIDATE_SECRET: 'wrong' });
    expect(refused).toMatchObject({
      code: 1,
      stderr: `content:publish: the site at ${site} did not publish: it refused REVALIDATE_SECRET (is it the same as the site’s?)\n`,
    });

    const unreachable = await publish(['--site', 'http://127.0.0.1:9'], { REVALIDATE_SECRET: 's3cret' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(
      /^content:publish: the site at http:\/\/127\.0\.0\.1:9 could not be reached \(.+\); is it running\?/,
    );

    expect(await publish(['--site', site])).toMatchObject({ code: 2, stderr: expect.stringContaining('set REVALIDATE_SECRET') });
    expect(await publish(['--site', 'nowhere'], { REVALIDATE_SECRET: 's3cret' })).toMatchObject({
      code: 2,
      stderr: "content:publish: --site needs the server's address, e.g. --site http://127.0.0.1:3000\n",
    });
  });

  it('answers --help with its usage, and names an unknown option with the usage', async () => {
    const before = calls.length;
    const help = await publish(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run content:publish \[-- --site URL\]/);
    expect(help.stdout).toContain('REVALIDATE_SECRET');

    const unknown = await publish(['--sight', site], { REVALIDATE_SECRET: 's3cret' });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^content:publish: Unknown option '--sight'/);
    expect(unknown.stderr).toContain('Usage: npm run content:publish');

    const extra = await publish(['now'], { REVALIDATE_SECRET: 's3cret' });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain("'now'");
    // None of them called the site.
    expect(calls.length).toBe(before);
  });
});
