import 'server-only';

import { randomBytes } from 'node:crypto';

import { holdsPublicationClock } from '@/lib/cluster';
import { formatProblem, getNextPublicationTime, refreshContent, type ContentProblem } from '@/lib/content';
import { env, serverOrigin } from '@/lib/env';
import { pagesShowingChanges, type ContentChanges } from '@/lib/publishing/changes';
import { syncSearchIndex } from '@/lib/search';

// Publishing without a rebuild: the content folder is read again (only
// changed files are parsed) and exactly the pages that show a change are
// regenerated. Editors' tools call POST /api/revalidate with {"content": true};
// the publication clock below does the same when a scheduled article's time comes.

export type Publication = ({ ok: true; parsed: number; reused: number; ms: number } & ContentChanges) | { ok: false; problems: string[] };

/** Reads what changed in the content folder; `revalidate` regenerates each affected page. */
export function publishContent(revalidate: (path: string, everything: boolean) => void): Publication {
  const started = performance.now();
  const refresh = refreshContent();
  if (!refresh.ok) return { ok: false, problems: refresh.problems.map((problem: ContentProblem) => formatProblem(problem)) };
  const changes = pagesShowingChanges(refresh.before, refresh.after);
  // Found by search as soon as it is listed; a search index that cannot be written never holds a publication back.
  try {
    syncSearchIndex(refresh.after.index, refresh.after.at);
  } catch (error) {
    console.error(`Search index not updated: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const path of changes.paths) revalidate(path, false);
  if (changes.everything) revalidate('/', true);
  const ms = Math.round(performance.now() - started);
  return { ok: true, ...refresh.stats, ...changes, ms };
}

/** Why this process calls its own /api/revalidate: `clock` or `relay` (honoured with the process token only). */
export const SOURCE_HEADER = 'x-dateline-publication';

const TOKEN = Symbol.for('dateline.publication-token');
const CLOCK = Symbol.for('dateline.publication-clock');
const CHECK_EVERY_MS = 15_000;

type Holder = typeof globalThis & { [TOKEN]?: string; [CLOCK]?: NodeJS.Timeout };

/**
 * A bearer token known only to this process, so the publication clock can
 * call /api/revalidate when REVALIDATE_SECRET is unset. Kept on globalThis:
 * the clock and the route are bundled apart.
 */
export function processToken(): string {
  const holder = globalThis as Holder;
  holder[TOKEN] ??= randomBytes(32).toString('base64url');
  return holder[TOKEN];
}

/**
 * Every 15 seconds, checks whether a scheduled article's time has come since
 * the content was last read; if so, asks this server to publish it, so it is
 * live, listed and in the feeds within a minute, with no call and no rebuild.
 * Regeneration needs a request, hence the call to itself.
 */
export function startPublicationClock(): void {
  const holder = globalThis as Holder;
  if (holder[CLOCK]) return;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const next = getNextPublicationTime();
      // With several servers, the one holding the clock's lease publishes (and renews it on every tick).
      const mine = await holdsPublicationClock();
      if (next === null || next > Date.now() || !mine || !serverOrigin()) return;
      const status = await publishHere('clock');
      if (status !== 200) console.error(`Scheduled publication: /api/revalidate answered ${status}`);
    } catch (error) {
      console.error(`Scheduled publication failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      busy = false;
    }
  };
  holder[CLOCK] = setInterval(() => void tick(), CHECK_EVERY_MS);
  holder[CLOCK].unref();
  void tick();
}

/** Has this server publish what its content folder holds now: its clock's call, or another server's publication relayed. */
export async function publishHere(source: 'clock' | 'relay'): Promise<number> {
  const origin = serverOrigin();
  if (!origin) return 0;
  const response = await fetch(`${origin}/api/revalidate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${processToken()}`, 'Content-Type': 'application/json', [SOURCE_HEADER]: source },
    body: JSON.stringify({ content: true }),
    signal: AbortSignal.timeout(60_000),
  });
  await response.body?.cancel();
  return response.status;
}

/** Whether the clock can run: a production server, not the build (there is no server to call then). */
export function publicationClockWanted(): boolean {
  return env.isProduction && !env.isBuilding;
}
