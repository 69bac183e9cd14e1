import type { CommentThreadNode, PublicComment } from '@/lib/comments/store';

let nextId = 100;

export function makeComment(overrides: Partial<PublicComment> = {}): PublicComment {
  nextId += 1;
  return {
    id: nextId,
    articleSlug: 'border-talks-resume',
    parentId: null,
    name: 'Amina Rahimi',
    website: null,
    body: 'A thoughtful comment.',
    createdAt: '2026-11-02T05:15:00.000Z',
    ...overrides,
  };
}

export function node(
  comment: PublicComment,
  depth: number,
  replies: CommentThreadNode[] = [],
  replyTo: CommentThreadNode['replyTo'] = null,
): CommentThreadNode {
  return { comment, depth, replyTo, replies };
}
