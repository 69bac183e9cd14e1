import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { pageHref, Pagination } from '@/components/layout/pagination';

describe('Pagination', () => {
  it('links the first page to the base path itself', () => {
    render(<Pagination basePath="/category/politics" page={2} totalPages={3} />);

    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    expect(nav).toHaveTextContent('Page 2 of 3');
    const newer = screen.getByRole('link', { name: /Newer/ });
    const older = screen.getByRole('link', { name: /Older/ });
    expect(newer).toHaveAttribute('href', '/category/politics');
    expect(newer).toHaveAttribute('rel', 'prev');
    expect(older).toHaveAttribute('href', '/category/politics/page/3');
    expect(older).toHaveAttribute('rel', 'next');
  });

  it('has no Newer link on the first page and no Older link on the last', () => {
    const { rerender } = render(<Pagination basePath="/" page={1} totalPages={2} />);
    expect(screen.queryByRole('link', { name: /Newer/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Older/ })).toHaveAttribute('href', '/page/2');

    rerender(<Pagination basePath="/" page={2} totalPages={2} />);
    expect(screen.getByRole('link', { name: /Newer/ })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('link', { name: /Older/ })).not.toBeInTheDocument();
  });

  it('renders nothing when everything fits on one page', () => {
    const { container } = render(<Pagination basePath="/tag/border" page={1} totalPages={1} />);

    expect(container).toBeEmptyDOMElement();
  });

  it('builds page paths without doubled slashes', () => {
    expect(pageHref('/', 1)).toBe('/');
    expect(pageHref('/', 4)).toBe('/page/4');
    expect(pageHref('/author/amina-rahimi/', 2)).toBe('/author/amina-rahimi/page/2');
    expect(pageHref('/author/amina-rahimi', 1)).toBe('/author/amina-rahimi');
  });
});
