import { createHash, timingSafeEqual } from 'node:crypto';

import { revalidatePath } from 'next/cache';

import { announcePublication, clusterWanted } from '@/lib/cluster';
import { getContentFingerprint } from '@/lib/content';
import { env } from '@/lib/env';
import { isRevalidatablePath, processToken, publishContent, SOURCE_HEADER, withdrawnCommentWarnings } from '@/lib/publishing';

// Static pages update without a rebuild through this route:
// - {"paths": [...]}: the comments CLI, after a moderation change, names the pages.
// - {"content": true}: a git hook or CI, after a pull, has the content folder
//   read again; only changed files are parsed, and the pages showing them are
//   regenerated. The publication clock (lib/publishing) calls it too.
// Closed to callers from outside when REVALIDATE_SECRET is unset.

const MAX_BODY_BYTES = 256 * 1_024;
const MAX_PATHS = 2_000;

const NO_STORE = { 'Cache-Control': 'no-store' };

function answer(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/** Which token the caller holds: the operator's secret, this process's own (its clock and relay), or none. */
function caller(header: string | null, secret: string | undefined): 'operator' | 'process' | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  const given = digest(match[1]);
  const own = timingSafeEqual(given, digest(processToken()));
  const operator = secret !== undefined && timingSafeEqual(given, digest(secret));
  return operator ? 'operator' : own ? 'process' : null;
}

const list = (label: string, slugs: string[]) => `${label} ${slugs.length}${slugs.length > 0 ? ` (${slugs.join(', ')})` : ''}`;

type Job = { paths: string[]; content: boolean };

const USAGE = 'The body must be JSON: {"paths": ["/articles/<slug>", …]} or {"content": true}.';

async function readJob(request: Request): Promise<Job | string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) return 'The request body is too large.';
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return 'The request body is too large.';
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return USAGE;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return USAGE;
  const { paths, content } = body as { paths?: unknown; content?: unknown };
  if (content !== undefined && typeof content !== 'boolean') return '"content" must be true or false.';
  if (paths === undefined) return content === true ? { paths: [], content: true } : USAGE;
  if (!Array.isArray(paths) || paths.length === 0 || paths.length > MAX_PATHS) {
    return `"paths" must be a list of 1 to ${MAX_PATHS} site paths.`;
  }
  const bad = paths.find((path) => !isRevalidatablePath(path));
  if (bad !== undefined) return `Not a site path: ${JSON.stringify(bad).slice(0, 120)}.`;
  return { paths: [...new Set(paths as string[])], content: content === true };
}

export async function POST(request: Request): Promise<Response> {
  const secret = env.revalidateSecret;
  const who = caller(request.headers.get('authorization'), secret);
  if (who === null) {
    if (secret === undefined) return answer(404, { error: 'Revalidation is not configured: set REVALIDATE_SECRET on the server.' });
    return answer(401, { error: 'A valid bearer token is required.' }, { 'WWW-Authenticate': 'Bearer' });
  }
  const job = await readJob(request);
  if (typeof job === 'string') return answer(400, { error: job });
  for (const path of job.paths) revalidatePath(path);
  if (!job.content) return answer(200, { revalidated: job.paths });

  // This process's own calls say why they publish: its clock, or another server's publication relayed.
  const reason = who === 'process' ? request.headers.get(SOURCE_HEADER) : null;
  const source = reason === 'clock' || reason === 'relay' ? reason : 'request';
  const publication = publishContent((path, everything) => revalidatePath(path, everything ? 'layout' : undefined));
  if (!publication.ok) {
    console.error(
      `Publication (${source}) refused: the content has ${publication.problems.length} problem(s); the previous version stays.`,
    );
    return answer(422, {
      error: 'The content has problems, so the site keeps serving the previous version. Fix them and call again.',
      problems: publication.problems,
    });
  }
  const { ok: _ok, paths, ...summary } = publication;
  const changed = publication.published.length + publication.updated.length + publication.withdrawn.length > 0;
  if (changed || source !== 'relay') {
    console.log(
      `Publication (${source}): ${list('published', publication.published)}, ${list('updated', publication.updated)}, ${list('withdrawn', publication.withdrawn)}; ${paths.length} page(s) regenerated.`,
    );
  }
  // Comments of an article withdrawn without a rename or a takedown: the editor is told, nothing is deleted.
  const warnings = await withdrawnCommentWarnings(publication.withdrawn);
  for (const warning of warnings) console.warn(`Publication (${source}): ${warning}`);
  // Every other server reads its own content folder again and regenerates the same pages.
  if (source !== 'relay' && !(await announcePublication(getContentFingerprint())) && clusterWanted()) {
    console.warn(
      'Cluster: Redis is unreachable, so the other servers did not learn of this publication; send content:publish to each of them.',
    );
  }
  return answer(200, { ...summary, warnings, revalidated: [...job.paths, ...paths] });
}
