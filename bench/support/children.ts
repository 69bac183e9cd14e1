import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';

// Every process the benchmark starts runs in its own process group and is
// listed here, so an error or Ctrl-C ends the whole tree (next build starts
// workers of its own) and no server is left holding a port.
const running = new Set<ChildProcess>();
const cleanups: Array<() => void> = [];

export function killTree(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Starts a command in its own process group; it is killed when the benchmark exits. */
export function start(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, detached: true });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Runs `fn` at exit, also after Ctrl-C or an error (e.g. to remove temporary folders). */
export function onExit(fn: () => void): void {
  cleanups.push(fn);
}

export function removeOnExit(dir: string): void {
  onExit(() => fs.rmSync(dir, { recursive: true, force: true }));
}

let cleaned = false;
export function cleanUp(): void {
  if (cleaned) return;
  cleaned = true;
  for (const child of running) killTree(child);
  for (const fn of cleanups.reverse()) {
    try {
      fn();
    } catch {
      // Best effort: the rest still runs.
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal}, stopping child processes and removing temporary files`);
    cleanUp();
    process.exit(130);
  });
}
process.once('exit', cleanUp);

export type Finished = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** Waits for `child` to exit, collecting its output; `echo` also prints each line with a prefix. */
export function collect(child: ChildProcess, echo?: (line: string) => void): Promise<Finished> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const lines = (sink: string[]) => {
    let partial = '';
    return (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      sink.push(text);
      if (!echo) return;
      const parts = (partial + text).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) echo(line);
    };
  };
  child.stdout?.on('data', lines(stdout));
  child.stderr?.on('data', lines(stderr));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout: stdout.join(''), stderr: stderr.join('') }));
  });
}
