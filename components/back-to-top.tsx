'use client';

import { useEffect, useState, type MouseEvent } from 'react';

// Without JavaScript this is a plain link to #top at the end of the page. Once
// hydrated it becomes a corner button that appears after one screen of scrolling.
export function BackToTop() {
  const [enhanced, setEnhanced] = useState(false);
  const [scrolled, setScrolled] = useState(false);

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      setScrolled(window.scrollY >= window.innerHeight);
    };
    const onScroll = () => {
      if (frame === 0) frame = window.requestAnimationFrame(measure);
    };
    setEnhanced(true);
    measure();
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      if (frame !== 0) window.cancelAnimationFrame(frame);
    };
  }, []);

  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    const reduced =
      typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollTo({ top: 0, behavior: reduced ? 'auto' : 'smooth' });
    // Keyboard and screen-reader users continue from the top, not from the button.
    document.getElementById('top')?.focus({ preventScroll: true });
  }

  return (
    <a
      href="#top"
      aria-label="Back to top"
      hidden={enhanced && !scrolled}
      onClick={handleClick}
      className={
        enhanced
          ? 'back-to-top fixed end-4 bottom-4 z-40 flex size-12 items-center justify-center rounded-full bg-ink text-xl text-paper shadow-lg hover:bg-accent'
          : 'back-to-top mx-auto my-6 block w-max px-4 py-2 text-sm font-semibold text-ink underline'
      }
    >
      <span aria-hidden="true">↑</span>
      {enhanced ? null : <span aria-hidden="true"> Back to top</span>}
    </a>
  );
}
