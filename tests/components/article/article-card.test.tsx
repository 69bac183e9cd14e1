import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { ArticleCard } from '@/components/article/article-card';

import { makeArticle } from '../fixtures';

const image = { src: '/images/crossing.svg', alt: 'Trucks queue at the crossing', width: 1200, height: 675 };

describe('ArticleCard', () => {
  it('links the headline to the article', () => {
    render(<ArticleCard article={makeArticle()} />);

    const heading = screen.getByRole('heading', { level: 2, name: 'Border talks resume after a week of clashes' });
    expect(heading.querySelector('a')).toHaveAttribute('href', '/articles/border-talks-resume');
  });

  it('shows the excerpt, the primary category and a machine-readable date', () => {
    const { container } = render(<ArticleCard article={makeArticle()} />);

    expect(screen.getByText('Delegations met again on Sunday to discuss the crossing points.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Security' })).toHaveAttribute('href', '/category/security');
    expect(screen.queryByRole('link', { name: 'Politics' })).not.toBeInTheDocument();
    const time = container.querySelector('time');
    expect(time).toHaveAttribute('datetime', '2026-11-02T04:30:00.000Z');
    // Shown in the newsroom's zone (Kabul, UTC+4:30).
    expect(time).toHaveTextContent('2 November 2026');
  });

  it('uses the requested heading level', () => {
    render(<ArticleCard article={makeArticle()} headingLevel="h3" />);

    expect(screen.getByRole('heading', { level: 3 })).toBeInTheDocument();
  });

  it('shows the picture only in the lead variant, with a larger headline', () => {
    const article = makeArticle({ image });
    const { rerender } = render(<ArticleCard article={article} />);
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    const plainClass = screen.getByRole('heading').className;

    rerender(<ArticleCard article={article} variant="lead" />);
    const picture = screen.getByRole('img', { name: 'Trucks queue at the crossing' });
    expect(picture).toHaveAttribute('width', '1200');
    expect(picture).toHaveAttribute('fetchpriority', 'high');
    expect(screen.getByRole('heading').className).not.toBe(plainClass);
    expect(screen.getByRole('heading')).toHaveClass('text-3xl');
  });

  it('marks an article in another script with its language and direction', () => {
    render(<ArticleCard article={makeArticle({ lang: 'fa-AF', dir: 'rtl', title: 'گفتگوهای مرزی' })} />);

    const card = screen.getByRole('article');
    expect(card).toHaveAttribute('lang', 'fa-AF');
    expect(card).toHaveAttribute('dir', 'rtl');
  });
});
