import { describe, expect, it } from 'vitest';

import { absolutizeHtml } from '@/lib/seo/html';

const SITE = 'https://news.example.com';
const PAGE = `${SITE}/articles/budget-vote`;
const run = (html: string) => absolutizeHtml(html, PAGE, SITE);

describe('absolutizeHtml', () => {
  it('makes site paths, fragments and relative paths absolute', () => {
    expect(run('<a href="/tag/budget">t</a>')).toBe(`<a href="${SITE}/tag/budget">t</a>`);
    expect(run('<a href="#fn-1">1</a>')).toBe(`<a href="${PAGE}#fn-1">1</a>`);
    expect(run('<a href="other-story">o</a>')).toBe(`<a href="${SITE}/articles/other-story">o</a>`);
    expect(run('<img src="/images/a.jpg" alt="">')).toBe(`<img src="${SITE}/images/a.jpg" alt="">`);
  });

  it('rewrites every candidate of a srcset', () => {
    expect(run('<img srcset="/a.jpg 480w, /b.jpg 960w" src="/a.jpg">')).toBe(
      `<img srcset="${SITE}/a.jpg 480w, ${SITE}/b.jpg 960w" src="${SITE}/a.jpg">`,
    );
  });

  it('leaves absolute and mailto URLs and other attributes alone, and gives protocol-relative URLs the site’s scheme', () => {
    const html = '<a href="https://other.example/x" title="/not-a-url">x</a><a href="mailto:desk@example.com">m</a>';
    expect(run(html)).toBe(html);
    expect(run('<a href="//cdn.example.org/x">c</a>')).toBe('<a href="https://cdn.example.org/x">c</a>');
  });

  it('handles single quotes, unquoted values and upper-case names', () => {
    expect(run("<a HREF='/x'>x</a>")).toBe(`<a HREF='${SITE}/x'>x</a>`);
    expect(run('<a href=/x>x</a>')).toBe(`<a href="${SITE}/x">x</a>`);
  });

  it('does not touch text that only looks like an attribute', () => {
    const html = '<pre><code>&lt;a href="/x"&gt; and href="/y"</code></pre><p title="a > b" data-x="1">src="/z"</p>';
    expect(run(html)).toBe(html);
  });

  it('keeps entities in URLs as they are', () => {
    expect(run('<a href="/search?q=a&amp;page=2">s</a>')).toBe(`<a href="${SITE}/search?q=a&amp;page=2">s</a>`);
  });
});
