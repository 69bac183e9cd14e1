import { getCommentStore } from '@/lib/comments';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** Liveness and database reachability, for load balancers and monitors. Says nothing more. */
export async function GET() {
  try {
    const store = await getCommentStore();
    const health = await store.health();
    if (health.ok) return Response.json({ status: 'ok', database: health.driver }, { headers: NO_STORE });
  } catch {
    // An unreachable database is the answer, not an error of this route.
  }
  return Response.json({ status: 'unavailable' }, { status: 503, headers: NO_STORE });
}
