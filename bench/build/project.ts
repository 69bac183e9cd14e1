import fs from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from '../support/paths';

// What a build folder does not get from the checkout: its own build output,
// content and local data, and what only the checkout's tools use.
const NOT_COPIED = new Set([
  '.git',
  '.next',
  'node_modules',
  'content',
  'data',
  'bench',
  'test-results',
  'playwright-report',
  'coverage',
  'out',
  'tsconfig.tsbuildinfo',
]);

/**
 * A copy of the project in `dir` that builds on its own, so a benchmark build
 * never touches the checkout's `.next` or `content/`.
 *
 * Turbopack does not follow a symlinked node_modules out of the project folder
 * (it fails with "Could not find the Next.js package"), nor symlinked sources,
 * so the sources (a few MB) are copied and node_modules is hard-linked file by
 * file: quick, and no extra disk. Nothing in a build writes into an existing
 * file under node_modules, which hard links would share with the checkout.
 */
export function createProject(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of fs.readdirSync(REPO_ROOT)) {
    if (NOT_COPIED.has(entry)) continue;
    fs.cpSync(path.join(REPO_ROOT, entry), path.join(dir, entry), { recursive: true, verbatimSymlinks: true });
  }
  linkTree(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

let canHardLink = true;

function linkTree(source: string, target: string): void {
  fs.mkdirSync(target, { recursive: true });
  for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) {
      linkTree(from, to);
    } else if (entry.isSymbolicLink()) {
      fs.symlinkSync(fs.readlinkSync(from), to);
    } else if (canHardLink) {
      try {
        fs.linkSync(from, to);
      } catch (error) {
        // Another file system (EXDEV) or no permission: copy from now on.
        canHardLink = false;
        if (!(error instanceof Error && 'code' in error && (error.code === 'EXDEV' || error.code === 'EPERM'))) throw error;
        fs.copyFileSync(from, to);
      }
    } else {
      fs.copyFileSync(from, to);
    }
  }
}
