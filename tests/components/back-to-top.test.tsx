import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { JSDOM } from 'jsdom';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { BackToTop } from '@/components/back-to-top';

function setScrollY(value: number) {
  Object.defineProperty(window, 'scrollY', { configurable: true, value });
}

function mockReducedMotion(reduce: boolean) {
  window.matchMedia = vi.fn().mockImplementation((query: string) => ({
    matches: reduce && query === '(prefers-reduced-motion: reduce)',
    media: query,
    onchange: null,
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    addListener: vi.fn(),
    removeListener: vi.fn(),
    dispatchEvent: vi.fn(),
  }));
}

function renderWithTop() {
  return render(
    <>
      <header id="top" tabIndex={-1}>
        Masthead
      </header>
      <BackToTop label="Back to top" />
    </>,
  );
}

// A hidden element has no accessible name, so while hidden it is found by its
// label. The <noscript> fallback is inert in a browser with JavaScript.
function getLink() {
  const links = screen.getAllByLabelText('Back to top').filter((element) => !element.closest('noscript'));
  expect(links).toHaveLength(1);
  return links[0]!;
}

async function scrollTo(y: number) {
  setScrollY(y);
  await act(async () => {
    fireEvent.scroll(window);
  });
}

describe('BackToTop', () => {
  let scrollSpy: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    setScrollY(0);
    Object.defineProperty(window, 'innerHeight', { configurable: true, value: 800 });
    scrollSpy = vi.fn();
    window.scrollTo = scrollSpy as unknown as typeof window.scrollTo;
    mockReducedMotion(false);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is served as a plain, visible link to #top for readers without JavaScript', () => {
    // Parsed without scripting, as a browser with JavaScript off parses the page.
    const served = new JSDOM(renderToStaticMarkup(<BackToTop label="Back to top" />)).window.document;

    const link = within(served.body).getByRole('link', { name: 'Back to top' });
    expect(link).toHaveAttribute('href', '#top');
    expect(link).toBeVisible();
    expect(link).toHaveClass('block');
  });

  it('is named in the words it is given, with and without JavaScript', () => {
    // Parsed without scripting: the fallback link and the corner button are both elements.
    const served = new JSDOM(renderToStaticMarkup(<BackToTop label="بازگشت به بالا" scope="page" />)).window.document;
    const links = [...served.body.querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('aria-label'))).toEqual(['بازگشت به بالا', 'بازگشت به بالا']);
    expect(links.map((link) => link.dataset.scope)).toEqual(['page', 'page']);
    expect(links[0]).toHaveTextContent('↑ بازگشت به بالا');
    expect(served.body).not.toHaveTextContent('Back to top');
  });

  it('takes no room in the page before or after it is enhanced', () => {
    // With scripting on, <noscript> content is text, so only the corner button is an element.
    document.body.innerHTML = renderToStaticMarkup(<BackToTop label="Back to top" />);
    const links = document.body.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute('hidden');
    expect(links[0]).toHaveClass('fixed');
    document.body.innerHTML = '';
  });

  it('is a link to #top named "Back to top" once scrolled', async () => {
    renderWithTop();
    await scrollTo(1600);

    const link = await screen.findByRole('link', { name: 'Back to top' });
    expect(link).toHaveAttribute('href', '#top');
  });

  it('stays hidden until the reader has scrolled one screen', async () => {
    renderWithTop();
    await waitFor(() => expect(getLink()).not.toBeVisible());
    expect(screen.queryByRole('link', { name: 'Back to top' })).not.toBeInTheDocument();

    await scrollTo(400);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(getLink()).not.toBeVisible();

    await scrollTo(1600);
    await waitFor(() => expect(screen.getByRole('link', { name: 'Back to top' })).toBeVisible());

    await scrollTo(0);
    await waitFor(() => expect(getLink()).not.toBeVisible());
  });

  it('scrolls smoothly to the top and moves focus there', async () => {
    renderWithTop();
    await scrollTo(2400);
    const link = await screen.findByRole('link', { name: 'Back to top' });

    fireEvent.click(link);

    expect(scrollSpy).toHaveBeenCalledWith({ top: 0, behavior: 'smooth' });
    expect(screen.getByText('Masthead')).toHaveFocus();
  });

  it('jumps without animation when the reader prefers reduced motion', async () => {
    mockReducedMotion(true);
    renderWithTop();
    await scrollTo(2400);
    const link = await screen.findByRole('link', { name: 'Back to top' });

    fireEvent.click(link);

    expect(scrollSpy).toHaveBeenCalledWith({ top: 0, behavior: 'auto' });
    expect(screen.getByText('Masthead')).toHaveFocus();
  });

  it('does not follow the link itself once enhanced', async () => {
    renderWithTop();
    await scrollTo(2400);
    const link = await screen.findByRole('link', { name: 'Back to top' });

    const notPrevented = fireEvent.click(link);

    expect(notPrevented).toBe(false);
  });
});
