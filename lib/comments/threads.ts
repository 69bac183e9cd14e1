import 'server-only';

import { MAX_DEPTH, type CommentThreadNode, type PublicComment } from '@/lib/comments/store';

function byThreadOrder(a: PublicComment, b: PublicComment): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id;
}

/**
 * Nests the visible comments of some threads under their roots, oldest first
 * at every level. Nesting stops at MAX_DEPTH: the replies to a comment there
 * follow it as siblings, each with `replyTo`, so the
 * conversation stays in order without indenting past three levels.
 */
export function buildThreads(roots: readonly PublicComment[], replies: readonly PublicComment[]): CommentThreadNode[] {
  const children = new Map<number, PublicComment[]>();
  for (const reply of replies) {
    if (reply.parentId === null) continue;
    const siblings = children.get(reply.parentId);
    if (siblings) siblings.push(reply);
    else children.set(reply.parentId, [reply]);
  }
  for (const siblings of children.values()) siblings.sort(byThreadOrder);

  const nodes = (comment: PublicComment, depth: number, replyTo: CommentThreadNode['replyTo']): CommentThreadNode[] => {
    const node: CommentThreadNode = { comment, depth, replyTo, replies: [] };
    const answers = children.get(comment.id) ?? [];
    const asReplyTo = { id: comment.id, name: comment.name };
    if (depth < MAX_DEPTH) {
      node.replies = answers.flatMap((answer) => nodes(answer, depth + 1, asReplyTo));
      return [node];
    }
    return [node, ...answers.flatMap((answer) => nodes(answer, depth, asReplyTo))];
  };

  return [...roots].sort(byThreadOrder).flatMap((root) => nodes(root, 1, null));
}
