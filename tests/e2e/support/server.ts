// An extra production server for the tests that need their own: a server
// without MODERATOR_PASSWORD, one whose log is read, one that is killed with
// SIGKILL. It is an app server of the cluster scripts (`next start` from the
// same build as playwright.config.ts's server, from its own copy of `.next`,
// on its own loopback port) with its own SQLite file and the e2e settings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { SERVER_SETTING_NAMES } from '@/lib/setting-names';
import { AppServer, freePort } from '@/scripts/cluster/servers';

/** Settings of playwright.config.ts's server; keep them in step. */
export const E2E_MODERATOR_PASSWORD = 'e2e-moderator-password';
export const E2E_REVALIDATE_SECRET = 'e2e-revalidate-secret';
/** The main server's PREVIEW_SECRET (playwright.config.ts). */
export const E2E_PREVIEW_SECRET = 'e2e-preview-secret-0123456789abcdef-0123';
/** The extra servers' own secret, so they need nothing from the working directory's data/. */
export const E2E_COMMENT_SECRET = 'e2e-extra-server-comment-secret-0123456789';

// Settings of the runner's own environment that must not leak into a test server.
// The server's own settings are the test's; the site settings and the build's folder stay the build's.
const OWN_SETTINGS = ['PORT', ...SERVER_SETTING_NAMES.filter((name) => name !== 'DATELINE_DIST_DIR')];

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
  readonly database: string;

  private constructor(
    private readonly app: AppServer,
    database: string,
    private readonly ownDatabaseDir: string | null,
  ) {
    this.database = database;
  }

  static async start(options: ServerOptions = {}): Promise<TestServer> {
    const ownDatabaseDir = options.database ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-e2e-extra-'));
    const database = options.database ?? path.join(ownDatabaseDir ?? '', 'comments.sqlite');
    const env: Record<string, string | undefined> = {
      ...Object.fromEntries(OWN_SETTINGS.map((name) => [name, undefined])),
      COMMENT_SECRET: E2E_COMMENT_SECRET,
      COMMENTS_SQLITE_PATH: database,
      // As in playwright.config.ts: simulated readers arrive through loopback.
      TRUSTED_PROXIES: '127.0.0.1',
      ...options.env,
    };
    try {
      return new TestServer(await AppServer.start({ env, port: options.port, name: 'The test server' }), database, ownDatabaseDir);
    } catch (error) {
      if (ownDatabaseDir) fs.rmSync(ownDatabaseDir, { recursive: true, force: true });
      throw error;
    }
  }

  get baseURL(): string {
    return this.app.url;
  }

  get port(): number {
    return this.app.port;
  }

  /** Everything the server wrote to stdout and stderr, over all its runs. */
  get log(): string {
    return this.app.log;
  }

  get running(): boolean {
    return this.app.running;
  }

  /** Starts the server (again) and waits until it answers. */
  restart(): Promise<void> {
    return this.app.restart();
  }

  /** SIGKILL to the whole process group: no shutdown code runs. */
  kill(): Promise<void> {
    return this.app.kill();
  }

  /** SIGTERM, then SIGKILL if it has not exited within 5 s. */
  stop(): Promise<void> {
    return this.app.stop();
  }

  /** Stops the server and removes its project copy (and its database, when the server made it). */
  async dispose(): Promise<void> {
    await this.app.dispose();
    if (this.ownDatabaseDir) fs.rmSync(this.ownDatabaseDir, { recursive: true, force: true });
  }
}

/** A test server reading its own copy of content/, which a test may edit. */
export type ContentCopyServer = { server: TestServer; content: string; dispose(): Promise<void> };

/**
 * A server on a copy of content/ (with public/ beside it, where pictures are
 * checked), so the checkout's content is never touched; `beforeStart`
 * changes the copy before the server first reads it.
 */
export async function startOnContentCopy(
  env: Record<string, string | undefined> = {},
  beforeStart: (content: string) => void = () => undefined,
): Promise<ContentCopyServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-e2e-content-'));
  const content = path.join(root, 'content');
  try {
    fs.cpSync(path.resolve('content'), content, { recursive: true });
    fs.symlinkSync(path.resolve('public'), path.join(root, 'public'));
    beforeStart(content);
    const server = await TestServer.start({ env: { DATELINE_CONTENT_DIR: content, ...env } });
    return {
      server,
      content,
      async dispose() {
        await server.dispose();
        fs.rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
