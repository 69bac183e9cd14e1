import type { ReactNode } from 'react';

import type { CommentThreadNode } from '@/lib/comments';

import { CommentPages } from './comment-pages';
import { CommentThread } from './comment-thread';

type CommentSectionProps = {
  articleSlug: string;
  /** Approved comments a reader can see, on all pages. */
  commentCount: number;
  threads: CommentThreadNode[];
  page: number;
  totalPages: number;
  /** The form, rendered after the comments. */
  children?: ReactNode;
};

const counter = new Intl.NumberFormat('en-US');

export function commentCountLabel(count: number): string {
  return count === 1 ? '1 Comment' : `${counter.format(count)} Comments`;
}

export function CommentSection({ articleSlug, commentCount, threads, page, totalPages, children }: CommentSectionProps) {
  return (
    <section id="comments" aria-labelledby="comments-heading" className="mx-auto flex w-full max-w-3xl scroll-mt-6 flex-col gap-8">
      <h2 id="comments-heading" className="border-b-2 border-ink pb-2 font-serif text-2xl font-bold">
        {commentCountLabel(commentCount)}
        {page > 1 ? <span className="font-sans text-base font-normal text-muted">, page {page}</span> : null}
      </h2>
      {threads.length > 0 ? (
        <CommentThread articleSlug={articleSlug} nodes={threads} />
      ) : commentCount === 0 ? (
        <p className="text-muted">No comments yet. Start the conversation.</p>
      ) : null}
      <CommentPages articleSlug={articleSlug} page={page} totalPages={totalPages} />
      {children}
    </section>
  );
}
