import { type DefaultTreeAdapterTypes, parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';

import { countWords, renderArticleBody, renderMarkdown, truncateAtWord } from '@/lib/content/markdown';

type Found = { tag: string; attrs: Record<string, string>; text: string };

/** Every element of the HTML as a browser would parse it. */
function elements(html: string): Found[] {
  const found: Found[] = [];
  const textOf = (node: DefaultTreeAdapterTypes.Node): string =>
    node.nodeName === '#text' && 'value' in node
      ? node.value
      : 'childNodes' in node
        ? node.childNodes.map(textOf).join('')
        : '';
  const walk = (node: DefaultTreeAdapterTypes.Node): void => {
    if ('tagName' in node) {
      found.push({
        tag: node.tagName,
        attrs: Object.fromEntries(node.attrs.map((attr) => [attr.name, attr.value])),
        text: textOf(node),
      });
    }
    if ('content' in node) walk(node.content);
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parseFragment(html));
  return found;
}

const FORBIDDEN_TAGS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'button', 'select',
  'textarea', 'svg', 'math', 'link', 'meta', 'base', 'template', 'noscript',
]);
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'cite', 'longdesc', 'action', 'formaction', 'poster', 'background', 'xlink:href'];

/** What a browser would do with a URL before looking at its scheme. */
function scheme(url: string): string {
  return url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
}

function expectHarmless(html: string): void {
  for (const element of elements(html)) {
    expect(FORBIDDEN_TAGS.has(element.tag), `<${element.tag}> in ${html}`).toBe(false);
    if (element.tag === 'input') expect(element.attrs).toEqual({ type: 'checkbox', disabled: '' });
    for (const [name, value] of Object.entries(element.attrs)) {
      expect(name.startsWith('on'), `${name} in ${html}`).toBe(false);
      expect(['style', 'srcdoc', 'formaction'].includes(name), `${name} in ${html}`).toBe(false);
      if (URL_ATTRIBUTES.includes(name)) {
        expect(scheme(value), `${name}="${value}"`).not.toMatch(/^(javascript|vbscript|data):/);
        expect(scheme(value), `${name}="${value}"`).not.toMatch(/(^|[\s,])(javascript|vbscript|data):/);
      }
    }
  }
}

const PAYLOADS: Record<string, string> = {
  'script tag': '<script>alert(1)</script>',
  'script in a paragraph': 'Hello <script src="https://evil.example/x.js"></script> world',
  'img onerror': '<img src=x onerror=alert(1)>',
  'event handlers on a div': '<div onclick="alert(1)" onmouseover=alert(1)>x</div>',
  'ontoggle on details': '<details open ontoggle=alert(1)><summary>x</summary></details>',
  'javascript: href': '<a href="javascript:alert(1)">x</a>',
  'mixed-case javascript:': '<a href="JaVaScRiPt:alert(1)">x</a>',
  'decimal entity-encoded javascript:': '<a href="&#106;&#97;vascript:alert(1)">x</a>',
  'hex entities and &colon;': '<a href="&#x6A;&#x61;vascript&colon;alert(1)">x</a>',
  'a tab inside javascript:': '<a href="java\tscript:alert(1)">x</a>',
  'an entity tab inside javascript:': '<a href="java&#9;script:alert(1)">x</a>',
  'an entity newline inside javascript:': '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  'leading space and control characters': '<a href=" &#1;javascript:alert(1)">x</a>',
  'vbscript:': '<a href="vbscript:msgbox(1)">x</a>',
  'data: image': '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  'data: link': '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  'srcset with javascript: and data:': '<img src="/a.png" srcset="javascript:alert(1) 1x, data:image/png;base64,AAAA 2x">',
  'picture source with data:': '<picture><source srcset="data:image/png;base64,AAAA"><img src="/a.png" alt=""></picture>',
  iframe: '<iframe src="https://evil.example"></iframe>',
  'iframe srcdoc': '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  'object and embed': '<object data="x.swf"></object><embed src="x.swf">',
  'svg onload': '<svg onload=alert(1)><circle r="1"/></svg>',
  'svg with script and xlink': '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a><script>alert(1)</script></svg>',
  'math mutation': '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  'style attribute': '<p style="background:url(javascript:alert(1))">x</p>',
  'style element': '<style>body { display: none }</style>',
  form: '<form action="https://evil.example"><input name="q" type="text"><button formaction="javascript:alert(1)">Go</button></form>',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  'base and link': '<base href="javascript:alert(1)//"><link rel="stylesheet" href="https://evil.example/x.css">',
  'Markdown link': '[x](javascript:alert(1))',
  'Markdown link in angle brackets': '[x](<JAVASCRIPT:alert(1)>)',
  'Markdown reference link': '[x][1]\n\n[1]: javascript:alert(1)',
  'Markdown image': '![x](javascript:alert(1))',
  'Markdown data: image': '![x](data:image/png;base64,AAAA)',
  autolink: '<javascript:alert(1)>',
};

describe('rendering untrusted Markdown and HTML', () => {
  it('has at least 15 payloads', () => {
    expect(Object.keys(PAYLOADS).length).toBeGreaterThanOrEqual(15);
  });

  for (const [name, payload] of Object.entries(PAYLOADS)) {
    it(`makes "${name}" harmless`, () => {
      expectHarmless(renderMarkdown(payload));
    });
  }

  it('drops script contents entirely instead of showing them as text', () => {
    expect(renderMarkdown('Hello <script>alert(1)</script> world')).toBe('<p>Hello  world</p>');
    expect(renderMarkdown('<style>body { display: none }</style>')).toBe('');
  });

  it('keeps the link text but not the dangerous target', () => {
    const [link] = elements(renderMarkdown('[read more](javascript:alert(1))')).filter((element) => element.tag === 'a');
    expect(link).toEqual({ tag: 'a', attrs: {}, text: 'read more' });
  });

  it('keeps a safe image but removes its handler', () => {
    const [image] = elements(renderMarkdown('<img src="/images/a.png" alt="A" onerror="alert(1)">')).filter(
      (element) => element.tag === 'img',
    );
    expect(image?.attrs).toEqual({ src: '/images/a.png', alt: 'A', loading: 'lazy', decoding: 'async' });
  });

  it('keeps rel="noopener" on an external link written as HTML with its own handler', () => {
    const [link] = elements(renderMarkdown('<a href="https://ok.example" onclick="x" rel="opener">ok</a>')).filter(
      (element) => element.tag === 'a',
    );
    expect(link?.attrs).toEqual({ href: 'https://ok.example', rel: 'noopener' });
  });
});

describe('rendering articles', () => {
  it('gives headings stable ids, numbering repeats', () => {
    const html = renderMarkdown('# Kabul today\n\n## What changes\n\n## What changes\n\n### Bázár & more');
    expect(elements(html).map((element) => [element.tag, element.attrs.id])).toEqual([
      ['h1', 'kabul-today'],
      ['h2', 'what-changes'],
      ['h2', 'what-changes-1'],
      ['h3', 'bázár--more'],
    ]);
  });

  it('keeps the ids the page uses for itself free', () => {
    const html = renderMarkdown('## Top\n\n## Comments\n\n## Main');
    expect(elements(html).map((element) => element.attrs.id)).toEqual(['top-1', 'comments-1', 'main-1']);
  });

  it('prefixes ids written in raw HTML so they cannot clobber the page', () => {
    expect(renderMarkdown('<h2 id="top">Top</h2>')).toBe('<h2 id="user-content-top">Top</h2>');
  });

  it('wraps each table in a scrolling container', () => {
    const html = renderMarkdown('| a | b |\n| - | - |\n| 1 | 2 |\n\ntext\n\n<table><tr><td>x</td></tr></table>');
    const wrappers = elements(html).filter((element) => element.tag === 'div');
    expect(wrappers.map((element) => element.attrs)).toEqual([{ class: 'table-scroll' }, { class: 'table-scroll' }]);
    expect(html).toMatch(/^<div class="table-scroll"><table>/);
    expect(elements(html).filter((element) => element.tag === 'table')).toHaveLength(2);
  });

  it('links footnote references and notes both ways', () => {
    const found = elements(renderMarkdown('Claim[^src] and another[^2].\n\n[^src]: A source.\n[^2]: Another.'));
    const ids = new Set(found.map((element) => element.attrs.id).filter(Boolean));
    const links = found.filter((element) => element.tag === 'a');
    expect(links).toHaveLength(4);
    for (const link of links) {
      expect(link.attrs.href?.startsWith('#')).toBe(true);
      expect(ids.has(link.attrs.href?.slice(1) ?? ''), `${link.attrs.href} has a target`).toBe(true);
    }
    const label = found.find((element) => element.tag === 'h2');
    expect(label?.attrs).toEqual({ class: 'sr-only', id: 'user-content-footnote-label' });
    expect(links[0]?.attrs['aria-describedby']).toBe('user-content-footnote-label');
  });

  it('marks external links noopener, and leaves internal and mail links alone', () => {
    const links = elements(
      renderMarkdown('[a](https://example.org) [b](http://example.org) [c](//cdn.example.org/x) [d](/articles/x) [e](#part) [f](mailto:desk@example.org)'),
    ).filter((element) => element.tag === 'a');
    expect(links.map((link) => link.attrs)).toEqual([
      { href: 'https://example.org', rel: 'noopener' },
      { href: 'http://example.org', rel: 'noopener' },
      { href: '//cdn.example.org/x', rel: 'noopener' },
      { href: '/articles/x' },
      { href: '#part' },
      { href: 'mailto:desk@example.org' },
    ]);
  });

  it('loads pictures lazily', () => {
    expect(renderMarkdown('![A road](/images/road.jpg)')).toBe(
      '<p><img src="/images/road.jpg" alt="A road" loading="lazy" decoding="async"></p>',
    );
  });

  it('lets harmless HTML through', () => {
    const html = renderMarkdown(
      [
        '<abbr title="North Atlantic Treaty Organization">NATO</abbr> H<sub>2</sub>O x<sup>2</sup> <kbd>Ctrl</kbd>',
        '',
        '<figure><img src="/images/a.png" alt="A"><figcaption>The caption</figcaption></figure>',
      ].join('\n'),
    );
    expect(elements(html).map((element) => element.tag)).toEqual(['p', 'abbr', 'sub', 'sup', 'kbd', 'figure', 'img', 'figcaption']);
    expect(elements(html)[1]?.attrs).toEqual({ title: 'North Atlantic Treaty Organization' });
  });

  it('renders block quotes, lists and task lists', () => {
    expect(renderMarkdown('> Quoted\n\n1. One\n2. Two\n\n- [x] Done')).toBe(
      [
        '<blockquote>',
        '<p>Quoted</p>',
        '</blockquote>',
        '<ol>',
        '<li>One</li>',
        '<li>Two</li>',
        '</ol>',
        '<ul class="contains-task-list">',
        '<li class="task-list-item"><input type="checkbox" checked disabled> Done</li>',
        '</ul>',
      ].join('\n'),
    );
  });
});

describe('excerpts and word counts', () => {
  it('takes the first paragraph, skipping headings and pictures, as plain text', () => {
    expect(renderArticleBody('## Heading\n\n![pic](/a.png)\n\nThe *first* [real](/x) paragraph.\n\nSecond.')).toMatchObject({
      excerpt: 'The first real paragraph.',
      wordCount: 6,
    });
  });

  it('leaves raw HTML tags out of the excerpt', () => {
    expect(renderArticleBody('The <abbr title="North Atlantic Treaty Organization">NATO</abbr> summit<br> ended.').excerpt).toBe(
      'The NATO summit ended.',
    );
  });

  it('counts words split by markup once, and words in separate blocks apart', () => {
    expect(renderArticleBody('foo**bar** baz\n\n- one\n- two\n\n`code here`').wordCount).toBe(6);
    expect(countWords('Kabul — 12 people, — !')).toBe(3);
    expect(countWords('این گزارش درباره')).toBe(3);
  });

  it('truncates at a word boundary to at most the limit, with an ellipsis', () => {
    expect(truncateAtWord('one two three', 13)).toBe('one two three');
    expect(truncateAtWord('one two three', 12)).toBe('one two…');
    expect(truncateAtWord('one two, three', 10)).toBe('one two…');
    expect(truncateAtWord('abcdefghijkl', 6)).toBe('abcde…');
  });
});
