import { clusterContentState } from '@/lib/cluster';
import { getCommentStore, isCommentStoreError } from '@/lib/comments';
import { getContentFingerprint } from '@/lib/content';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * Liveness and database reachability, for load balancers and monitors. With
 * several servers (REDIS_URL) it also says whether this server's content is
 * the last one published (`current`) or behind it (`lagging`: its content
 * folder has not been pulled yet); a lagging server still answers 200, it
 * serves its previous content.
 */
async function contentState() {
  try {
    return await clusterContentState(getContentFingerprint());
  } catch {
    return undefined;
  }
}

export async function GET() {
  let reason = 'the comment database cannot be reached';
  try {
    const store = await getCommentStore();
    const health = await store.health();
    if (health.ok) {
      const content = await contentState();
      return Response.json({ status: 'ok', database: health.driver, ...(content ? { content } : {}) }, { headers: NO_STORE });
    }
    reason = health.error;
  } catch (error) {
    // An unreachable database is the answer, not an error of this route; the store's own sentence says why.
    if (isCommentStoreError(error)) reason = error.message;
  }
  // Why, for the operator: a deleted or read-only SQLite file, a schema behind, an unreachable server.
  // The answer is public, so it is the store's sentence alone; the file's path is in the server's log.
  return Response.json({ status: 'unavailable', reason }, { status: 503, headers: NO_STORE });
}
