// An extra production server for the tests that need their own: a server
// without MODERATOR_PASSWORD, one whose log is read, one that is killed with
// SIGKILL. It runs `next start` from the same build as playwright.config.ts's
// server, on its own loopback port with its own SQLite file, and from its own
// copy of `.next`: pages regenerated at run time are written there, and a
// shared copy would let one server serve pages rendered from another's database.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort } from '../../support/ports';

/** Settings of playwright.config.ts's server; keep them in step. */
export const E2E_MODERATOR_PASSWORD = 'e2e-moderator-password';
export const E2E_REVALIDATE_SECRET = 'e2e-revalidate-secret';
/** The extra servers' own secret, so they need nothing from the working directory's data/. */
export const E2E_COMMENT_SECRET = 'e2e-extra-server-comment-secret-0123456789';

const NEXT_BIN = path.resolve('node_modules/next/dist/bin/next');
// Left out of a server's own project folder: its build output is copied, the rest is the checkout's.
const NOT_LINKED = new Set(['.next', 'data', 'test-results', 'playwright-report', '.git']);

/**
 * A folder that looks like the checkout to `next start`, with a private copy
 * of the build: without the build cache, and without the pages other servers
 * regenerated at run time (server/route-cache).
 */
function privateProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-e2e-site-'));
  const checkout = process.cwd();
  for (const entry of fs.readdirSync(checkout)) {
    if (!NOT_LINKED.has(entry)) fs.symlinkSync(path.join(checkout, entry), path.join(root, entry));
  }
  const build = path.join(checkout, '.next');
  if (!fs.existsSync(path.join(build, 'BUILD_ID'))) throw new Error('No production build: run `npx next build` first.');
  fs.cpSync(build, path.join(root, '.next'), {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(build, source);
      return relative.split(path.sep)[0] !== 'cache' && !relative.startsWith(path.join('server', 'route-cache'));
    },
  });
  return root;
}

// Settings of the runner's own environment that must not leak into a test server.
const OWN_SETTINGS = ['DATABASE_URL', 'COMMENTS_SQLITE_PATH', 'MODERATOR_PASSWORD', 'COMMENT_SECRET', 'REVALIDATE_SECRET', 'PORT'];

/**
 * The SQLite file of the server playwright.config.ts starts. The config puts
 * it under a folder named after the Playwright runner's pid, which is the
 * parent of this worker process.
 */
export function mainServerDatabase(): string {
  const file = path.join(os.tmpdir(), `dateline-e2e-${process.ppid}`, 'comments.sqlite');
  if (!fs.existsSync(file)) throw new Error(`The main test server's database was expected at ${file}.`);
  return file;
}

export { freePort };

export type ServerOptions = {
  /** Variables on top of the defaults (COMMENT_SECRET, COMMENTS_SQLITE_PATH); undefined removes one. */
  env?: Record<string, string | undefined>;
  /** The SQLite file; default a new one in a temporary folder. */
  database?: string;
  port?: number;
};

export class TestServer {
  readonly baseURL: string;
  readonly database: string;
  #child: ChildProcess | null = null;
  #exited: Promise<void> = Promise.resolve();
  #output: string[] = [];

  private constructor(
    readonly port: number,
    database: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly root: string,
    private readonly ownDatabaseDir: string | null,
  ) {
    this.baseURL = `http://127.0.0.1:${port}`;
    this.database = database;
  }

  static async start(options: ServerOptions = {}): Promise<TestServer> {
    const port = options.port ?? (await freePort());
    const ownDatabaseDir = options.database ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-e2e-extra-'));
    const database = options.database ?? path.join(ownDatabaseDir ?? '', 'comments.sqlite');
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of OWN_SETTINGS) delete env[name];
    Object.assign(env, { NODE_ENV: 'production', COMMENT_SECRET: E2E_COMMENT_SECRET, COMMENTS_SQLITE_PATH: database });
    for (const [name, value] of Object.entries(options.env ?? {})) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
    const server = new TestServer(port, database, env, privateProject(), ownDatabaseDir);
    try {
      await server.restart();
    } catch (error) {
      await server.dispose();
      throw error;
    }
    return server;
  }

  /** Everything the server wrote to stdout and stderr, over all its runs. */
  get log(): string {
    return this.#output.join('');
  }

  get running(): boolean {
    return this.#child !== null;
  }

  /** Starts the server (again) and waits until it answers. */
  async restart(): Promise<void> {
    if (this.#child) throw new Error('The server is already running.');
    // Its own process group, so a kill reaches every process it starts.
    const child = spawn(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(this.port)], {
      cwd: this.root,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.#child = child;
    child.stdout?.on('data', (chunk: Buffer) => this.#output.push(chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => this.#output.push(chunk.toString('utf8')));
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('exit', () => {
      if (this.#child === child) this.#child = null;
    });
    await this.#waitUntilReady(child);
  }

  async #waitUntilReady(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`The test server exited while starting:\n${this.log.slice(-2_000)}`);
      }
      try {
        const response = await fetch(`${this.baseURL}/api/health`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        if (response.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The test server did not answer within 60 s:\n${this.log.slice(-2_000)}`);
  }

  /** SIGKILL to the whole process group: no shutdown code runs. */
  async kill(): Promise<void> {
    await this.#signal('SIGKILL');
  }

  /** SIGTERM, then SIGKILL if it has not exited within 5 s. */
  async stop(): Promise<void> {
    if (!this.#child) return;
    const exited = this.#exited;
    this.#send('SIGTERM');
    const timer = setTimeout(() => this.#send('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  /** Stops the server and removes its project copy (and its database, when the server made it). */
  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.root, { recursive: true, force: true });
    if (this.ownDatabaseDir) fs.rmSync(this.ownDatabaseDir, { recursive: true, force: true });
  }

  async #signal(signal: NodeJS.Signals): Promise<void> {
    if (!this.#child) return;
    const exited = this.#exited;
    this.#send(signal);
    await exited;
  }

  #send(signal: NodeJS.Signals): void {
    const pid = this.#child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }
}
