// The servers of a local Dateline cluster, for `npm run cluster` and the
// cluster tests: a throwaway PostgreSQL, app servers (`next start` from the
// production build) and nginx with the shipped deploy/nginx/dateline.conf.
// Every server listens on 127.0.0.1 and is stopped by whoever started it.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { distDirFrom } from '@/lib/setting-names';
import { freePort } from '@/tests/support/ports';
import { findPostgresBinaries } from '@/tests/support/postgres';

export { startPostgres } from '@/tests/support/postgres';
export { freePort };

const ROOT = path.resolve(__dirname, '../..');
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');
export const DIST_DIR = distDirFrom(process.env);
export const BUILD_DIR = path.join(ROOT, DIST_DIR);
export const NGINX_CONFIG = path.join(ROOT, 'deploy/nginx/dateline.conf');

// ---------------------------------------------------------------- packages

/** A program on PATH, else at Debian's place for it (root's PATH may lack /usr/sbin). */
function findBinary(name: string, debianPath: string): string | null {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  return fs.existsSync(debianPath) ? debianPath : null;
}

const findNginx = () => findBinary('nginx', '/usr/sbin/nginx');
const findRedis = () => findBinary('redis-server', '/usr/bin/redis-server');

function hasPostgres(): boolean {
  try {
    findPostgresBinaries();
    return true;
  } catch {
    return false;
  }
}

/** Debian packages the cluster needs and does not have. */
export function missingPackages(): string[] {
  const missing: string[] = [];
  if (!findNginx()) missing.push('nginx-light');
  if (!hasPostgres()) missing.push('postgresql');
  if (!findRedis()) missing.push('redis-server');
  return missing;
}

/**
 * Installs the missing packages with apt-get when running as root; otherwise
 * throws an error naming the exact command.
 */
export function ensurePackages(): void {
  const missing = missingPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`The cluster needs ${missing.join(', ')}. Install it with:\n  sudo apt-get install -y ${missing.join(' ')}`);
  }
  console.log(`Installing ${missing.join(' ')}...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...missing],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed.`);
  }
}

// ---------------------------------------------------------------- helpers

async function waitForPort(port: number, child: ChildProcess, what: string, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited while starting:\n${log().slice(-2_000)}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not listen on port ${port} within 30 s:\n${log().slice(-2_000)}`);
}

/** Keeps a child's output in `output` (each line also to `echo`); resolves when it exits. */
function watch(child: ChildProcess, output: string[], echo?: (line: string) => void): Promise<void> {
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output.push(text);
    if (echo) for (const line of text.split('\n').filter(Boolean)) echo(line);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGTERM to the process group, SIGKILL after `graceMs`; resolves when it has exited. */
async function terminate(child: ChildProcess, exited: Promise<void>, signal: NodeJS.Signals, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const send = (s: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, s);
    } catch {
      // Already gone.
    }
  };
  send(signal);
  const timer = signal === 'SIGKILL' ? null : setTimeout(() => send('SIGKILL'), graceMs);
  await exited;
  if (timer) clearTimeout(timer);
}

// ---------------------------------------------------------------- app servers

// Left out of a server's own project folder: its build output is copied, the rest is the checkout's.
const NOT_LINKED = new Set(['.next', '.next-test', DIST_DIR, 'data', 'test-results', 'playwright-report', '.git']);

export function hasProductionBuild(): boolean {
  return fs.existsSync(path.join(BUILD_DIR, 'BUILD_ID'));
}

/**
 * A folder that looks like the checkout to `next start`, with a private copy
 * of the build (as tests/e2e/support/server.ts does): `next start` writes the
 * pages it regenerates into `.next`, and servers sharing one folder would
 * share that on-disk page cache behind each other's back.
 */
function privateProject(): string {
  if (!hasProductionBuild()) throw new Error('There is no production build: run `npm run build` first.');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cluster-app-'));
  for (const entry of fs.readdirSync(ROOT)) {
    if (!NOT_LINKED.has(entry)) fs.symlinkSync(path.join(ROOT, entry), path.join(root, entry));
  }
  const build = BUILD_DIR;
  fs.cpSync(build, path.join(root, DIST_DIR), {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(build, source);
      return relative.split(path.sep)[0] !== 'cache' && !relative.startsWith(path.join('server', 'route-cache'));
    },
  });
  return root;
}

export type AppServerOptions = {
  /** Variables for the server on top of the caller's environment; undefined removes one. */
  env: Record<string, string | undefined>;
  port?: number;
  /** A name; with `echo`, each output line is printed prefixed with it. */
  name?: string;
  echo?: boolean;
};

export class AppServer {
  readonly url: string;
  #child: ChildProcess | null = null;
  #exited: Promise<void> = Promise.resolve();
  #output: string[] = [];

  private constructor(
    readonly port: number,
    readonly name: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly root: string,
    private readonly echo: boolean,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(options: AppServerOptions): Promise<AppServer> {
    const port = options.port ?? (await freePort());
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
    delete env.PORT;
    for (const [name, value] of Object.entries(options.env)) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
    const server = new AppServer(port, options.name ?? `app:${port}`, env, privateProject(), options.echo ?? false);
    try {
      await server.restart();
    } catch (error) {
      await server.dispose();
      throw error;
    }
    return server;
  }

  get log(): string {
    return this.#output.join('');
  }

  get running(): boolean {
    return this.#child !== null;
  }

  /** The server's private project folder; its build folder is `DIST_DIR` inside it. */
  get folder(): string {
    return this.root;
  }

  /** Resident memory of the server and every process it started, in bytes. */
  memoryBytes(): number {
    const pid = this.#child?.pid;
    if (pid === undefined) throw new Error(`${this.name} is not running.`);
    const listed = execFileSync('ps', ['-o', 'rss=', '-g', String(pid)], { encoding: 'utf8' });
    return listed
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((kib) => Number.isFinite(kib) && kib > 0)
      .reduce((sum, kib) => sum + kib * 1024, 0);
  }

  /** `host:port`, as an nginx `server` line wants it. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /**
   * Starts the server again and waits until /api/health answers 200, or with
   * `{ healthy: false }` until it answers at all (a 503 naming what is wrong).
   */
  async restart(options: { healthy?: boolean } = {}): Promise<void> {
    if (this.#child) throw new Error(`${this.name} is already running.`);
    const logFrom = this.#output.length;
    const child = spawn(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(this.port)], {
      cwd: this.root,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so a kill reaches all it starts
    });
    this.#child = child;
    this.#exited = watch(child, this.#output, this.echo ? (line) => console.log(`[${this.name}] ${line}`) : undefined);
    child.once('exit', () => {
      if (this.#child === child) this.#child = null;
    });
    await waitForPort(this.port, child, this.name, () => this.log);
    // Listening is not ready: wait for a real answer.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      // Bad settings stop a server just after it starts listening.
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${this.name} exited while starting:\n${this.log.slice(-2_000)}`);
      // The port was free when it was chosen, not reserved: while this server was down another
      // process may have taken it, and would answer in its place until this one fails to listen.
      // Next.js prints "Ready" once it listens, so only then is an answer this server's own.
      const listening = this.#output.slice(logFrom).join('').includes('Ready in');
      try {
        const response = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
        await response.arrayBuffer();
        if (listening && (response.status === 200 || (options.healthy === false && response.status === 503))) return;
      } catch {
        // Not ready yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.name} did not answer /api/health within 60 s:\n${this.log.slice(-2_000)}`);
  }

  /** SIGKILL: no shutdown code runs. */
  async kill(): Promise<void> {
    if (this.#child) await terminate(this.#child, this.#exited, 'SIGKILL');
  }

  async stop(): Promise<void> {
    if (this.#child) await terminate(this.#child, this.#exited, 'SIGTERM');
  }

  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** A COMMENT_SECRET for servers that must share one. */
export function newCommentSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

// ---------------------------------------------------------------- redis

/**
 * A throwaway Redis (Debian's redis-server) on a loopback port, in memory
 * only. `stop` and `start` again keep its port, as a restarted Redis would.
 */
export class Redis {
  readonly url: string;
  #child: ChildProcess | null = null;
  #exited: Promise<void> = Promise.resolve();
  #output: string[] = [];

  private constructor(readonly port: number) {
    this.url = `redis://127.0.0.1:${port}`;
  }

  static async start(port?: number): Promise<Redis> {
    const redis = new Redis(port ?? (await freePort()));
    await redis.start();
    return redis;
  }

  get log(): string {
    return this.#output.join('');
  }

  async start(): Promise<void> {
    if (this.#child) return;
    const binary = findRedis();
    if (!binary) throw new Error('redis-server is not installed: sudo apt-get install -y redis-server');
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'];
    const child = spawn(binary, args, { cwd: os.tmpdir(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.#child = child;
    this.#exited = watch(child, this.#output);
    child.once('exit', () => {
      if (this.#child === child) this.#child = null;
    });
    await waitForPort(this.port, child, 'redis-server', () => this.log);
  }

  async stop(): Promise<void> {
    if (this.#child) await terminate(this.#child, this.#exited, 'SIGTERM');
  }
}

// ---------------------------------------------------------------- nginx

export type NginxValues = {
  listen: string;
  /** `host:port` of each app server. */
  upstreams: string[];
  cacheDir: string;
};

/** The shipped config with its three placeholders filled in, and nothing else changed. */
export function renderNginxConfig(values: NginxValues, template = fs.readFileSync(NGINX_CONFIG, 'utf8')): string {
  const servers = values.upstreams.map((address) => `server ${address} max_fails=1 fail_timeout=5s;`).join('\n    ');
  const replacements: Record<string, string> = {
    LISTEN: values.listen,
    UPSTREAM_SERVERS: servers,
    CACHE_DIR: values.cacheDir,
  };
  const rendered = template.replace(/\{\{([A-Z_]+)\}\}/g, (match, name: string) => {
    const value = replacements[name];
    if (value === undefined) throw new Error(`Unknown placeholder ${match} in ${NGINX_CONFIG}.`);
    return value;
  });
  return rendered;
}

/** As root, nginx's workers run as an unprivileged user: Debian's www-data, else nobody. */
function workerUser(): { name: string; group: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['www-data', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    const group = spawnSync('id', ['-gn', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0 && group.status === 0) {
      return { name, group: group.stdout.trim(), uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
    }
  }
  throw new Error('Running as root, and there is neither a www-data nor a nobody user for nginx workers.');
}

export type NginxOptions = {
  upstreams: string[];
  port?: number;
  /** Where the shipped config is read from (tests may pass the same file). */
  config?: string;
};

export class Nginx {
  readonly url: string;
  #output: string[] = [];

  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly child: ChildProcess,
    private readonly exited: Promise<void>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  get log(): string {
    const errors = path.join(this.dir, 'error.log');
    return this.#output.join('') + (fs.existsSync(errors) ? fs.readFileSync(errors, 'utf8') : '');
  }

  /**
   * Renders the shipped config into a scratch folder, wraps it in a minimal
   * nginx.conf (pid, logs and temp folders there too) and starts nginx in the
   * foreground, on 127.0.0.1 only.
   */
  static async start(options: NginxOptions): Promise<Nginx> {
    const binary = findNginx();
    if (!binary) throw new Error('nginx is not installed. Install it with:\n  sudo apt-get install -y nginx-light');
    const port = options.port ?? (await freePort());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-nginx-'));
    const worker = workerUser();
    const cacheDir = path.join(dir, 'cache');
    const tempDir = path.join(dir, 'temp');
    fs.mkdirSync(cacheDir);
    fs.mkdirSync(tempDir);
    if (worker) {
      fs.chmodSync(dir, 0o755);
      fs.chownSync(cacheDir, worker.uid, worker.gid);
      fs.chownSync(tempDir, worker.uid, worker.gid);
    }
    const template = fs.readFileSync(options.config ?? NGINX_CONFIG, 'utf8');
    fs.writeFileSync(
      path.join(dir, 'dateline.conf'),
      renderNginxConfig({ listen: `127.0.0.1:${port}`, upstreams: options.upstreams, cacheDir }, template),
    );
    const temp = (name: string) => `${name}_temp_path ${path.join(tempDir, name.replace(/_.*/, ''))};`;
    const main = [
      worker ? `user ${worker.name} ${worker.group};` : '',
      'worker_processes 1;',
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${path.join(dir, 'error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '    access_log off;',
      `    ${temp('client_body')}`,
      `    ${temp('proxy')}`,
      `    ${temp('fastcgi')}`,
      `    ${temp('uwsgi')}`,
      `    ${temp('scgi')}`,
      `    include ${path.join(dir, 'dateline.conf')};`,
      '}',
      '',
    ].join('\n');
    const conf = path.join(dir, 'nginx.conf');
    fs.writeFileSync(conf, main);
    const child = spawn(binary, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', conf, '-g', 'daemon off;'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const nginx = new Nginx(port, dir, child, exited);
    child.stdout?.on('data', (chunk: Buffer) => nginx.#output.push(chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => nginx.#output.push(chunk.toString('utf8')));
    try {
      await waitForPort(port, child, 'nginx', () => nginx.log);
    } catch (error) {
      await nginx.stop();
      throw error;
    }
    return nginx;
  }

  /** Graceful stop (SIGQUIT, nginx's own), then removes the scratch folder. */
  async stop(): Promise<void> {
    await terminate(this.child, this.exited, 'SIGQUIT');
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
