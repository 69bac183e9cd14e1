import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { CategoryTags } from '@/components/article/category-tags';

import { politics, region, security } from '../fixtures';

describe('CategoryTags', () => {
  it('renders a list labelled "Categories" with the primary category first', () => {
    render(<CategoryTags categories={[security, politics, region]} />);

    const list = screen.getByRole('list', { name: 'Categories' });
    const links = within(list).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Security', 'Politics', 'Region']);
  });

  it('links each category to its archive', () => {
    render(<CategoryTags categories={[security, politics]} />);

    expect(screen.getByRole('link', { name: 'Security' })).toHaveAttribute('href', '/category/security');
    expect(screen.getByRole('link', { name: 'Politics' })).toHaveAttribute('href', '/category/politics');
  });

  it('renders nothing without categories', () => {
    const { container } = render(<CategoryTags categories={[]} />);

    expect(container).toBeEmptyDOMElement();
  });
});
