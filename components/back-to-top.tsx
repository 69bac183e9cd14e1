'use client';

import { useEffect, useState, type MouseEvent } from 'react';

// A corner button that appears after one screen of scrolling. Readers without
// JavaScript get a plain link to #top at the end of the page instead; it sits
// in <noscript> because removing it from the flow at hydration would move the
// footer of every page short enough to show it (a layout shift).
//
// The root layout places one in the site's language. A page in another
// language (an article in Dari) places its own inside its words' `lang` and
// `dir` with `scope="page"`, and that one replaces the site's (globals.css),
// with JavaScript and without.
type BackToTopProps = {
  /** The accessible name and the fallback link's text, in the words' language. */
  label: string;
  scope?: 'site' | 'page';
};

export function BackToTop({ label, scope = 'site' }: BackToTopProps) {
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
    measure();
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      if (frame !== 0) window.cancelAnimationFrame(frame);
    };
  }, []);

  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    const reduced = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollTo({ top: 0, behavior: reduced ? 'auto' : 'smooth' });
    // Keyboard and screen-reader users continue from the top, not from the button.
    document.getElementById('top')?.focus({ preventScroll: true });
  }

  return (
    <>
      <noscript>
        <a
          href="#top"
          aria-label={label}
          data-scope={scope}
          className="back-to-top print:hidden mx-auto my-6 block w-max px-4 py-2 text-sm font-semibold text-ink underline"
        >
          <span aria-hidden="true">↑ {label}</span>
        </a>
      </noscript>
      <a
        href="#top"
        aria-label={label}
        data-scope={scope}
        hidden={!scrolled}
        onClick={handleClick}
        className="back-to-top print:hidden fixed end-4 bottom-4 z-40 flex size-12 items-center justify-center rounded-full bg-ink text-xl text-paper shadow-lg hover:bg-accent"
      >
        <span aria-hidden="true">↑</span>
      </a>
    </>
  );
}
