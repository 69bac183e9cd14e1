import 'server-only';

import fs from 'node:fs';
import path from 'node:path';

import { env } from '@/lib/env';

// The build writes a fingerprint of the content it prerendered; a server
// compares its own first load with it (see live.ts).

function recordFile(): string {
  return path.resolve(/* turbopackIgnore: true */ env.buildContentFile);
}

export function writeBuildFingerprint(fingerprint: string): void {
  try {
    fs.writeFileSync(recordFile(), fingerprint);
  } catch {
    // Without the record a server updates every page on its first refresh, nothing worse.
  }
}

/** The build's fingerprint; empty when there is none, as if the content had changed. */
export function readBuildFingerprint(): string {
  try {
    return fs.readFileSync(recordFile(), 'utf8');
  } catch {
    return '';
  }
}
