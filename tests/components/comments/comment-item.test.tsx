import { render, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { CommentItem } from '@/components/comments/comment-item';

import { makeComment } from './fixtures';

function renderItem(overrides: Parameters<typeof makeComment>[0] = {}, replyTo?: { id: number; name: string }) {
  const comment = makeComment(overrides);
  const { container } = render(
    <CommentItem comment={comment} replyTo={replyTo} replyHref={`/articles/border-talks-resume/reply/${comment.id}#leave-a-reply`} />,
  );
  return { comment, container, article: container.querySelector('article')! };
}

describe('CommentItem', () => {
  it('is an article with the comment id, the name in <bdi>, an initials avatar and the time', () => {
    const { comment, article } = renderItem({ name: 'Amina Rahimi' });
    expect(article).toHaveAttribute('id', `comment-${comment.id}`);
    expect(within(article).getByRole('heading', { name: 'Amina Rahimi' }).querySelector('bdi')).toHaveTextContent('Amina Rahimi');
    const avatar = article.querySelector('[data-avatar]');
    expect(avatar).toHaveTextContent('AR');
    expect(avatar).toHaveAttribute('aria-hidden', 'true');
    expect(article.querySelector('img')).toBeNull();
    const time = article.querySelector('time');
    expect(time).toHaveAttribute('datetime', '2026-11-02T05:15:00.000Z');
    // Shown in the newsroom's zone (Kabul, UTC+4:30).
    expect(time).toHaveTextContent('2 November 2026');
    expect(time).toHaveTextContent('09:45');
  });

  it('colours the avatar from the name alone, with a class and no style attribute', () => {
    const tone = (avatar: HTMLElement) => [...avatar.classList].find((name) => name.startsWith('bg-'));
    const first = renderItem({ name: 'Omar' }).article.querySelector<HTMLElement>('[data-avatar]')!;
    const second = renderItem({ name: 'Omar', website: 'https://omar.example' }).article.querySelector<HTMLElement>('[data-avatar]')!;
    expect(tone(first)).toMatch(/^bg-\[hsl\(\d+_45%_30%\)\]$/);
    expect(tone(first)).toBe(tone(second));
    // The Content-Security-Policy allows no inline style.
    expect(first).not.toHaveAttribute('style');
  });

  it('links the name to an http(s) website with rel="nofollow ugc noopener"', () => {
    const { article } = renderItem({ name: 'Omar', website: 'https://omar.example/blog' });
    const link = within(article).getByRole('link', { name: 'Omar' });
    expect(link).toHaveAttribute('href', 'https://omar.example/blog');
    expect(link).toHaveAttribute('rel', 'nofollow ugc noopener');
    expect(link.querySelector('bdi')).toHaveTextContent('Omar');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', '//evil.example', 'https://bank.example@evil.example'])(
    'shows the name without a link for the website %j',
    (website) => {
      const { article } = renderItem({ name: 'Omar', website });
      expect(within(article).queryByRole('link', { name: 'Omar' })).toBeNull();
      expect(within(article).getByRole('heading', { name: 'Omar' })).toBeInTheDocument();
    },
  );

  it('keeps paragraphs and line breaks, with dir="auto"', () => {
    const { article } = renderItem({ body: 'First line\nsecond line\n\nSecond paragraph' });
    const paragraphs = article.querySelectorAll('[dir="auto"] > p');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]!.querySelectorAll('br')).toHaveLength(1);
    expect(paragraphs[0]!.innerHTML).toBe('First line<br>second line');
    expect(paragraphs[1]).toHaveTextContent('Second paragraph');
    expect(paragraphs[0]).toHaveAttribute('dir', 'auto');
  });

  it('links bare web addresses with rel="nofollow ugc noopener"', () => {
    const { article } = renderItem({ body: 'Source: https://example.com/report.' });
    const link = within(article).getByRole('link', { name: 'https://example.com/report' });
    expect(link).toHaveAttribute('href', 'https://example.com/report');
    expect(link).toHaveAttribute('rel', 'nofollow ugc noopener');
  });

  it('shows javascript: URLs and HTML as text, creating no element from them', () => {
    const body = 'javascript:alert(1) <script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:x">y</a> &lt;b&gt;';
    const { article } = renderItem({ body });
    const text = article.querySelector('[dir="auto"] > p')!;
    expect(text.textContent).toBe(body);
    expect(text.children).toHaveLength(0);
    expect(article.querySelector('script, img, b')).toBeNull();
    expect(
      within(article)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).not.toContain('javascript:x');
  });

  it('has a Reply link that works without JavaScript', () => {
    const { comment, article } = renderItem({ name: 'Amina Rahimi' });
    const reply = within(article).getByRole('link', { name: 'Reply to Amina Rahimi' });
    expect(reply).toHaveTextContent('Reply');
    expect(reply).toHaveAttribute('href', `/articles/border-talks-resume/reply/${comment.id}#leave-a-reply`);
  });

  it('says which comment it answers where nesting stops', () => {
    const { article } = renderItem({ name: 'Omar' }, { id: 7, name: 'زهره' });
    const link = within(article).getByRole('link', { name: 'زهره' });
    expect(link).toHaveAttribute('href', '#comment-7');
    expect(link.querySelector('bdi')).not.toBeNull();
    expect(article).toHaveTextContent('in reply to زهره');
  });
});
