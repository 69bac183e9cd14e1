import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { commentCountLabel, CommentSection } from '@/components/comments/comment-section';
import { CommentThread } from '@/components/comments/comment-thread';

import { makeComment, node } from './fixtures';

describe('commentCountLabel', () => {
  it.each([
    [0, '0 Comments'],
    [1, '1 Comment'],
    [2, '2 Comments'],
    [1234, '1,234 Comments'],
  ])('%i → %j', (count, label) => {
    expect(commentCountLabel(count)).toBe(label);
  });
});

describe('CommentSection', () => {
  it('is a labelled region with the count, the threads and the form after them', () => {
    const threads = [node(makeComment({ name: 'Amina' }), 1), node(makeComment({ name: 'Omar' }), 1)];
    render(
      <CommentSection articleSlug="a" commentCount={2} threads={threads} page={1} totalPages={1}>
        <p>the form</p>
      </CommentSection>,
    );
    const region = screen.getByRole('region', { name: '2 Comments' });
    expect(region).toHaveAttribute('id', 'comments');
    const items = within(region).getAllByRole('article');
    expect(items.map((item) => within(item).getByRole('heading').textContent)).toEqual(['Amina', 'Omar']);
    expect(region.lastElementChild).toHaveTextContent('the form');
    expect(within(region).queryByRole('navigation')).toBeNull();
  });

  it('says when there are no comments yet', () => {
    render(<CommentSection articleSlug="a" commentCount={0} threads={[]} page={1} totalPages={1} />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('0 Comments');
    expect(screen.getByText(/No comments yet/)).toBeInTheDocument();
  });

  it('links every page of comments; page 1 is the article itself', () => {
    render(<CommentSection articleSlug="a" commentCount={120} threads={[node(makeComment(), 1)]} page={2} totalPages={3} />);
    const nav = screen.getByRole('navigation', { name: 'Comment pages' });
    expect(within(nav).getByRole('link', { name: 'Earlier comments' })).toHaveAttribute('href', '/articles/a#comments');
    expect(within(nav).getByRole('link', { name: 'Page 1' })).toHaveAttribute('href', '/articles/a#comments');
    expect(within(nav).getByRole('link', { name: 'Page 3' })).toHaveAttribute('href', '/articles/a/comments/page/3#comments');
    expect(within(nav).getByRole('link', { name: 'Later comments' })).toHaveAttribute('href', '/articles/a/comments/page/3#comments');
    expect(within(nav).getByText('2').closest('[aria-current="page"]')).not.toBeNull();
  });
});

describe('CommentThread', () => {
  it('nests replies in lists up to the depth the store gives', () => {
    const root = makeComment({ name: 'Root' });
    const child = makeComment({ name: 'Child', parentId: root.id });
    const grandchild = makeComment({ name: 'Grandchild', parentId: child.id });
    const deeper = makeComment({ name: 'Deeper', parentId: grandchild.id });
    // At MAX_DEPTH the store puts the deeper reply after its parent, at the same depth.
    const threads = [
      node(root, 1, [
        node(
          child,
          2,
          [node(grandchild, 3, [], { id: child.id, name: 'Child' }), node(deeper, 3, [], { id: grandchild.id, name: 'Grandchild' })],
          {
            id: root.id,
            name: 'Root',
          },
        ),
      ]),
    ];
    const { container } = render(<CommentThread articleSlug="a" nodes={threads} />);

    const depthOf = (id: number) => {
      let depth = 0;
      for (let element = container.querySelector(`#comment-${id}`)?.parentElement; element; element = element.parentElement) {
        if (element.tagName === 'OL') depth += 1;
      }
      return depth;
    };
    expect([root, child, grandchild, deeper].map((comment) => depthOf(comment.id))).toEqual([1, 2, 3, 3]);
    // Only the reply that is not nested under its parent says whom it answers.
    expect(container.querySelector(`#comment-${grandchild.id}`)).not.toHaveTextContent('in reply to');
    expect(container.querySelector(`#comment-${deeper.id}`)).toHaveTextContent('in reply to Grandchild');
    expect(container.querySelectorAll('ol')).toHaveLength(3);
  });
});
