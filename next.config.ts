import { spawnSync } from 'node:child_process';
import path from 'node:path';

import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';

// A production build starts with the content check, so editors see the same
// `path:line: field: message` report as `npm run content:check` and the build
// stops before any page is rendered, without a stack trace.
function checkContentOrExit(): void {
  const tsx = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const result = spawnSync(process.execPath, [tsx, '--conditions=react-server', 'scripts/content-check.ts', '--quiet'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.exit(1);
  }
}

export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD && process.env.DATELINE_SKIP_CONTENT_CHECK !== '1') {
    checkContentOrExit();
  }
  return {
    poweredByHeader: false,
    reactStrictMode: true,
    serverExternalPackages: ['better-sqlite3', 'pg'],
  };
}
