// A throwaway PostgreSQL server for tests: a fresh cluster in a temporary
// folder, listening on a free loopback port (its unix socket in that folder),
// stopped and removed afterwards. It uses the installed server binaries and
// fails loudly, naming the install command, when there are none.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';

import { freePort } from './ports';

export const INSTALL_COMMAND = 'apt-get install -y postgresql';

export type ThrowawayPostgres = {
  /** Connection string of the test database. */
  url: string;
  /** Connection string of the `postgres` maintenance database (to create more databases). */
  adminUrl: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
};

const SERVER_TOOLS = ['initdb', 'pg_ctl', 'postgres'];

function hasServerTools(dir: string): boolean {
  return SERVER_TOOLS.every((tool) => fs.existsSync(path.join(dir, tool)));
}

function versionOf(dir: string): number {
  return Number(/postgresql\/(\d+)/.exec(dir)?.[1] ?? 0);
}

/** `pg_config --bindir`, else the newest /usr/lib/postgresql/<version>/bin, else `initdb` on PATH. */
export function findPostgresBinaries(): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // pg_config is missing or is the client-only one; look further.
  }
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .map((name) => path.join(root, name, 'bin'))
      .sort((a, b) => versionOf(b) - versionOf(a));
    candidates.push(...versions);
  }
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) candidates.push(path.dirname(fs.realpathSync(onPath)));
  const found = candidates.find((dir) => dir && hasServerTools(dir));
  if (!found) {
    throw new Error(
      `The PostgreSQL server (initdb, pg_ctl, postgres) is not installed, and the comment store tests need it. ` +
        `Install it with:\n  ${INSTALL_COMMAND}\n(as root; otherwise: sudo ${INSTALL_COMMAND})`,
    );
  }
  return found;
}

/** PostgreSQL refuses to run as root; then the tools run as the `postgres` system user. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const user = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (user.status !== 0 || group.status !== 0) {
    throw new Error(
      'Running as root, and there is no `postgres` system user to run the test server as. ' +
        `Installing the server package creates it:\n  ${INSTALL_COMMAND}`,
    );
  }
  return { uid: Number(user.stdout.trim()), gid: Number(group.stdout.trim()) };
}

const hasRunuser = spawnSync('sh', ['-c', 'command -v runuser']).status === 0;
const shellQuote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

function run(binDir: string, tool: string, args: string[], asUser: boolean): void {
  const command = path.join(binDir, tool);
  const [file, argv] = !asUser
    ? [command, args]
    : hasRunuser
      ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
      : ['su', ['postgres', '-s', '/bin/sh', '-c', [command, ...args].map(shellQuote).join(' ')]];
  const result = spawnSync(file, argv, { encoding: 'utf8', cwd: os.tmpdir() });
  if (result.status !== 0) {
    throw new Error(`${tool} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stderr}${result.stdout}`);
  }
}

export async function startPostgres(options: { database?: string } = {}): Promise<ThrowawayPostgres> {
  const binDir = findPostgresBinaries();
  const owner = runAs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const database = options.database ?? 'dateline_test';
  let started = false;

  const stop = async () => {
    // A server that is up (even one whose start timed out) has a pid file.
    if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
      try {
        run(binDir, 'pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w'], owner !== null);
      } catch (error) {
        console.error(String(error));
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    run(binDir, 'initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], owner !== null);
    let port = 0;
    for (let attempt = 1; !started; attempt += 1) {
      port = await freePort();
      // Loopback only; durability settings off, since the cluster is thrown away.
      const serverOptions = [
        `-p ${port}`,
        '-c listen_addresses=127.0.0.1',
        `-c unix_socket_directories=${dir}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      try {
        run(binDir, 'pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions], owner !== null);
        started = true;
      } catch (error) {
        // Another process may have taken the port between choosing and binding it.
        if (attempt >= 3) {
          const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
          throw new Error(`${String(error)}\n${log}`);
        }
      }
    }
    const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${database} ENCODING 'UTF8' TEMPLATE template0`);
    } finally {
      await admin.end();
    }
    return { url: `postgresql://postgres@127.0.0.1:${port}/${database}`, adminUrl, port, dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
