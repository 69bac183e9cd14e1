import { createHash, timingSafeEqual } from 'node:crypto';

import { revalidatePath } from 'next/cache';

import { isRevalidatablePath } from '@/lib/comments/revalidation';
import { env } from '@/lib/env';

// Called by the comments CLI (and other tools) after a change to stored data,
// so static pages update without a rebuild. Closed when REVALIDATE_SECRET is unset.

const MAX_BODY_BYTES = 256 * 1_024;
const MAX_PATHS = 2_000;

const NO_STORE = { 'Cache-Control': 'no-store' };

function answer(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

function authorised(header: string | null, secret: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(match[1]), digest(secret));
}

async function readPaths(request: Request): Promise<string[] | string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) return 'The request body is too large.';
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return 'The request body is too large.';
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'The body must be JSON: {"paths": ["/articles/<slug>", …]}.';
  }
  const paths = (body as { paths?: unknown } | null)?.paths;
  if (!Array.isArray(paths) || paths.length === 0 || paths.length > MAX_PATHS) {
    return `"paths" must be a list of 1 to ${MAX_PATHS} site paths.`;
  }
  const bad = paths.find((path) => !isRevalidatablePath(path));
  if (bad !== undefined) return `Not a site path: ${JSON.stringify(bad).slice(0, 120)}.`;
  return [...new Set(paths as string[])];
}

export async function POST(request: Request): Promise<Response> {
  const secret = env.revalidateSecret;
  if (secret === undefined) return answer(404, { error: 'Revalidation is not configured.' });
  if (!authorised(request.headers.get('authorization'), secret)) {
    return answer(401, { error: 'A valid bearer token is required.' }, { 'WWW-Authenticate': 'Bearer' });
  }
  const paths = await readPaths(request);
  if (typeof paths === 'string') return answer(400, { error: paths });
  for (const path of paths) revalidatePath(path);
  return answer(200, { revalidated: paths });
}
