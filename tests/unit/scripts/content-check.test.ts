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
