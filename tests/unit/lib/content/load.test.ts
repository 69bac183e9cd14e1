import { afterAll, describe, expect, it } from 'vitest';

import { type Article, type Author, type Category, loadContent } from '@/lib/content';

import { NOW, TINY_SVG, VALID_ROOT, article, removeTrees, validFields, writeTree } from './helpers';

afterAll(removeTrees);

const janeDoe: Author = {
  id: 'j-doe',
  name: 'Jane Doe',
  role: 'Kabul correspondent',
  bio: 'Jane Doe covers parliament and the ministries from Kabul.\n\nShe joined Dateline in 2019.',
};
const aminaRahimi: Author = {
  id: 'amina-rahimi',
  name: 'Amina Rahimi',
  bio: 'Amina Rahimi reports on security and the border provinces.',
};
const afghanistan: Category = { slug: 'afghanistan', name: 'Afghanistan', description: 'News from across Afghanistan.' };
const government: Category = { slug: 'government', name: 'Government', description: 'Ministries, parliament and the courts.' };

const budgetVoteHtml = [
  '<p>The lower house approved the budget<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="user-content-footnote-label">1</a></sup> on Sunday.</p>',
  '<h2 id="what-changes">What changes</h2>',
  '<div class="table-scroll"><table>',
  '<thead>',
  '<tr>',
  '<th>Ministry</th>',
  '<th align="right">Change</th>',
  '</tr>',
  '</thead>',
  '<tbody>',
  '<tr>',
  '<td>Health</td>',
  '<td align="right">+12%</td>',
  '</tr>',
  '</tbody>',
  '</table></div>',
  '<h2 id="what-changes-1">What changes</h2>',
  '<blockquote>',
  '<p>"This is a budget for the provinces," the speaker said.</p>',
  '</blockquote>',
  '<ul>',
  '<li>Schools</li>',
  '<li>Roads</li>',
  '</ul>',
  '<p><img src="/images/parliament.svg" alt="Voting cards" title="The vote" loading="lazy" decoding="async"></p>',
  '<p>Read the <a href="https://example.org/budget" rel="noopener">full text</a> or the <a href="/articles/kabul-water">summary</a>.</p>',
  '<section data-footnotes class="footnotes"><h2 class="sr-only" id="user-content-footnote-label">Footnotes</h2>',
  '<ol>',
  '<li id="user-content-fn-1">',
  '<p>The 1406 solar year budget. <a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p>',
  '</li>',
  '</ol>',
  '</section>',
].join('\n');

describe('loadContent over the valid fixture', () => {
  const { index, problems } = loadContent(VALID_ROOT, { includeDrafts: true });

  it('finds no problems', () => {
    expect(problems).toEqual([]);
  });

  it('turns a file with every field into exactly the expected Article', () => {
    const expected: Article = {
      slug: 'budget-vote',
      title: 'Parliament passes the 2027 budget after a late-night session',
      date: '2026-11-02T05:00:00.000Z',
      dateOffset: '+04:30',
      updated: '2026-11-02T07:30:00.000Z',
      corrections: [],
      authors: [janeDoe, aminaRahimi],
      source: 'DID Press',
      categories: [government, afghanistan],
      tags: [
        { slug: 'budget', name: 'Budget' },
        { slug: 'parliament', name: 'parliament' },
      ],
      excerpt: 'Lawmakers approved the spending plan by 151 votes to 40.',
      image: {
        src: '/images/parliament.svg',
        alt: 'The parliament building in Kabul at dusk',
        caption: 'Lawmakers met until after midnight.',
        credit: 'Photo by Jane Doe',
        width: 1200,
        height: 800,
      },
      draft: false,
      featured: false,
      lang: 'en',
      dir: 'ltr',
      // Body words: 8 + 2 + 4 (table) + 2 + 10 (quote) + 2 (list) + 7 + 5 (footnote); image alt text is not read.
      wordCount: 40,
      readingMinutes: 1,
      html: budgetVoteHtml,
    };
    expect(index.getArticle('budget-vote', NOW)).toStrictEqual(expected);
  });

  it('derives the excerpt from the first paragraph with text, skipping a picture-only one', () => {
    const summary = index.getLatestArticles(1, NOW)?.items.find((item) => item.slug === 'kabul-water');
    expect(summary?.excerpt).toBe(
      "Wells in the western districts of Kabul have dropped by two metres in a year, according to the city's water authority. Residents say they now buy water from tankers twice a week.",
    );
    expect(summary?.wordCount).toBe(36);
    expect(summary?.image).toBeUndefined();
    expect(summary?.updated).toBeUndefined();
    expect(summary?.source).toBeUndefined();
  });

  it('reads articles in subfolders, slugged by file name, with image sizes from a viewBox', () => {
    const article = index.getArticle('border-talks', NOW);
    expect(article?.date).toBe('2026-11-03T05:00:00.000Z');
    expect(article?.categories.map((category) => category.slug)).toEqual(['security', 'afghanistan']);
    expect(article?.image).toEqual({ src: '/images/border.svg', alt: 'The Torkham crossing', width: 640, height: 360 });
  });

  it('canonicalizes the language and writes Dari right to left', () => {
    const article = index.getArticle('dari-news', NOW);
    expect(article?.lang).toBe('fa-AF');
    expect(article?.dir).toBe('rtl');
    expect(article?.tags).toEqual([{ slug: 'حقوق-بشر', name: 'حقوق بشر' }]);
    expect(article?.wordCount).toBe(9);
    expect(article?.html).toBe('<p>این گزارش درباره وضعیت حقوق زنان در ولایات است.</p>');
  });

  it('reads categories in file order, with explicit slugs kept', () => {
    expect(index.getCategories()).toEqual([
      afghanistan,
      government,
      { slug: 'security', name: 'Security', description: 'Conflict, policing and the armed forces.' },
      { slug: 'human-rights', name: 'Human Rights', description: 'Rights, freedoms and the people who defend them.' },
      { slug: 'money', name: 'Economy', description: 'Trade, budgets and jobs.' },
    ]);
  });

  it('reads authors sorted by name, with the bio as plain text and role only when given', () => {
    expect(index.getAuthors()).toStrictEqual([aminaRahimi, janeDoe]);
  });

  it('counts everything for the checker', () => {
    expect(index.getStats(NOW)).toEqual({ articles: 6, drafts: 1, scheduled: 1, published: 5, authors: 2, categories: 5 });
  });
});

describe('drafts', () => {
  it('are served and listed when included', () => {
    const { index } = loadContent(VALID_ROOT, { includeDrafts: true });
    expect(index.getArticle('draft-story', NOW)?.draft).toBe(true);
    expect(index.getPublishedSlugs(NOW)).toEqual(['kabul-water', 'draft-story', 'border-talks', 'budget-vote', 'dari-news']);
    expect(index.getTag('secret', NOW)).toEqual({ slug: 'secret', name: 'secret' });
  });

  it('are left out entirely otherwise, tags included', () => {
    const { index, problems } = loadContent(VALID_ROOT, { includeDrafts: false });
    expect(problems).toEqual([]);
    expect(index.getArticle('draft-story', NOW)).toBeNull();
    expect(index.getPublishedSlugs(NOW)).toEqual(['kabul-water', 'border-talks', 'budget-vote', 'dari-news']);
    expect(index.getTag('secret', NOW)).toBeNull();
    expect(index.getArticlesByCategory('government', 1, NOW)?.items.map((item) => item.slug)).toEqual(['budget-vote']);
    expect(index.getStats(NOW).drafts).toBe(0);
  });

  it('are left out by default', () => {
    expect(loadContent(VALID_ROOT).index.getArticle('draft-story', NOW)).toBeNull();
  });

  it('are still validated when left out, so a broken draft is reported', () => {
    const root = writeTree({
      'articles/secret.md': article([...validFields({ title: null }), 'draft: true']),
    });
    const { problems } = loadContent(root, { includeDrafts: false });
    expect(problems).toEqual([
      {
        file: 'content/articles/secret.md',
        line: 1,
        field: 'title',
        message: 'is required; add a headline, e.g. title: "Parliament passes budget"',
      },
    ]);
  });
});

describe('front matter values', () => {
  it('accepts a single author or category as plain text, and several as a list', () => {
    const root = writeTree({
      'articles/one.md': article(validFields({ categories: 'Politics' })),
      'articles/two.md': article(validFields({ author: '[j-doe, omar-khan]', categories: '[Security, politics]' })),
    });
    const { index, problems } = loadContent(root);
    expect(problems).toEqual([]);
    expect(index.getArticle('one', NOW)?.categories.map((category) => category.name)).toEqual(['Politics']);
    const two = index.getArticle('two', NOW);
    expect(two?.authors.map((author) => author.id)).toEqual(['j-doe', 'omar-khan']);
    // Category names match without regard to case and come back as written in categories.yml.
    expect(two?.categories.map((category) => category.name)).toEqual(['Security', 'Politics']);
  });

  it('truncates a long first paragraph at a word boundary, within 300 characters, with an ellipsis', () => {
    const words = Array.from({ length: 80 }, (_, index) => `word${index}`).join(' ');
    const root = writeTree({ 'articles/long.md': article(validFields(), `${words}\n\nSecond paragraph.`) });
    const excerpt = loadContent(root).index.getArticle('long', NOW)?.excerpt ?? '';
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(300);
    expect(excerpt.endsWith('…')).toBe(true);
    const kept = excerpt.slice(0, -1);
    expect(words.startsWith(`${kept} `)).toBe(true);
    expect(kept).toBe(words.split(' ').slice(0, 44).join(' '));
  });

  it('computes reading time as whole minutes, at least one', () => {
    const words = (count: number) => Array.from({ length: count }, () => 'news').join(' ');
    const root = writeTree({
      'articles/short.md': article(validFields(), words(3)),
      'articles/exact.md': article(validFields(), words(400)),
      'articles/longer.md': article(validFields(), words(401)),
      'articles/empty.md': article(validFields(), ''),
    });
    const { index } = loadContent(root);
    expect(index.getArticle('short', NOW)?.readingMinutes).toBe(1);
    expect(index.getArticle('exact', NOW)?.readingMinutes).toBe(2);
    expect(index.getArticle('longer', NOW)?.readingMinutes).toBe(3);
    const empty = index.getArticle('empty', NOW);
    expect([empty?.wordCount, empty?.readingMinutes, empty?.excerpt]).toEqual([0, 1, '']);
  });

  it('keeps timestamps as written until converted to UTC, including fractions and Z', () => {
    const root = writeTree({
      'articles/a.md': article(validFields({ date: '2026-11-02T23:30:00.250-05:00' })),
      'articles/b.md': article(validFields({ date: '"2026-11-02T09:30Z"' })),
    });
    const { index } = loadContent(root);
    expect(index.getArticle('a', NOW)?.date).toBe('2026-11-03T04:30:00.250Z');
    expect(index.getArticle('b', NOW)?.date).toBe('2026-11-02T09:30:00.000Z');
  });

  it('treats keys written without a value as absent', () => {
    const root = writeTree({ 'articles/a.md': article([...validFields(), 'source:', 'tags:', 'image:']) });
    const { index, problems } = loadContent(root);
    expect(problems).toEqual([]);
    const loaded = index.getArticle('a', NOW);
    expect([loaded?.source, loaded?.tags, loaded?.image]).toEqual([undefined, [], undefined]);
  });

  it('reads picture sizes from the public folder next to the content folder', () => {
    const root = writeTree({
      'public/images/tiny.svg': TINY_SVG,
      'articles/a.md': article([...validFields(), 'image: /images/tiny.svg', 'imageAlt: A tiny picture']),
    });
    expect(loadContent(root).index.getArticle('a', NOW)?.image).toEqual({
      src: '/images/tiny.svg',
      alt: 'A tiny picture',
      width: 40,
      height: 30,
    });
  });
});

describe('corrections', () => {
  it('are read oldest first, and the newest one is the article’s updated time', () => {
    const root = writeTree({
      'articles/a.md': article([
        ...validFields(),
        'updated: 2026-11-02T12:00:00+04:30',
        'corrections:',
        '  - date: 2026-11-04T10:00:00+04:30',
        '    text: "An earlier version gave the wrong vote count: it was 120 to 80."',
        '  - date: 2026-11-03T08:00:00+04:30',
        '    text: The minister’s name was misspelt.',
      ]),
      'articles/b.md': article(validFields({ date: '2026-11-01T09:30:00+04:30' })),
    });
    const { index, problems } = loadContent(root);
    expect(problems).toEqual([]);
    const a = index.getArticle('a', NOW);
    expect(a?.corrections).toEqual([
      { date: '2026-11-03T03:30:00.000Z', text: 'The minister’s name was misspelt.' },
      { date: '2026-11-04T05:30:00.000Z', text: 'An earlier version gave the wrong vote count: it was 120 to 80.' },
    ]);
    expect(a?.updated).toBe('2026-11-04T05:30:00.000Z');
    expect(index.getArticle('b', NOW)?.corrections).toEqual([]);
    expect(index.getRecentCorrections(10, NOW).map(({ article: summary, correction }) => [summary.slug, correction.date])).toEqual([
      ['a', '2026-11-04T05:30:00.000Z'],
      ['a', '2026-11-03T03:30:00.000Z'],
    ]);
    // A correction dated after `now` is not listed yet.
    expect(index.getRecentCorrections(10, new Date('2026-11-03T12:00:00Z'))).toHaveLength(1);
  });

  it('explain an editor’s mistakes at their line', () => {
    const root = writeTree({
      'articles/a.md': article([
        ...validFields(),
        'corrections:',
        '  - text: No date given.',
        '  - date: 2026-11-01T10:00:00+04:30',
        '    text: Before the story ran.',
        '  - date: 2026-11-05T10:00:00+04:30',
      ]),
      'articles/b.md': article([...validFields(), 'corrections: The vote count was wrong.']),
    });
    expect(loadContent(root).problems.map((p) => `${p.file.split('/').pop()}:${p.line}: ${p.field}: ${p.message}`)).toEqual([
      'a.md:7: corrections[0].date: is required; say when the correction was made, e.g. date: 2026-11-02T09:30:00+04:30',
      'a.md:8: corrections[1].date: is before date (2026-11-02T09:30:00+04:30); a correction comes after publication',
      'a.md:10: corrections[2].text: is required; say what was wrong and what is right, e.g. text: "An earlier version gave the wrong vote count."',
      'b.md:6: corrections: must be a list of corrections, each with date and text',
    ]);
  });
});

describe('pictures from other sites in an article body', () => {
  const body = [
    'A picture of the site:',
    '',
    '![Voting cards](/images/parliament.svg)',
    '',
    '![A crowd](https://photos.agency.example/crowd.jpg)',
    '',
    '<img src="http://tracker.example/pixel.gif" alt="">',
    '',
    '<picture><source srcset="/images/a.webp 1x, https://cdn.other.example/a@2x.webp 2x"><img src="/images/a.jpg" alt="A"></picture>',
    '',
    '![Old](http://photos.agency.example/old.jpg)',
  ].join('\n');

  it('are refused at their line, with how to fix it, unless their host is in IMAGE_HOSTS over https', () => {
    const text = article(validFields(), body);
    const root = writeTree({ 'articles/a.md': text });
    // The line of the file that names the address.
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    const { index, problems } = loadContent(root);
    expect(problems.map((p) => [p.field, p.line, p.message])).toEqual([
      [
        'body',
        lineOf('crowd.jpg'),
        'the picture "https://photos.agency.example/crowd.jpg" is on another site (photos.agency.example), so every reader\'s browser would call it; copy the picture under public/images/ and write /images/<name>, or add photos.agency.example to IMAGE_HOSTS if the newsroom may show pictures from there',
      ],
      ['body', lineOf('pixel.gif'), expect.stringContaining('"http://tracker.example/pixel.gif" is on another site (tracker.example)')],
      ['body', lineOf('a@2x'), expect.stringContaining('"https://cdn.other.example/a@2x.webp" is on another site (cdn.other.example)')],
      ['body', lineOf('old.jpg'), expect.stringContaining('"http://photos.agency.example/old.jpg" is on another site')],
    ]);
    // An article with a problem is not published.
    expect(index.getArticle('a', NOW)).toBeNull();

    const allowed = loadContent(root, { imageHosts: ['photos.agency.example', 'tracker.example', 'cdn.other.example'] });
    expect(allowed.problems.map((p) => [p.line, p.message])).toEqual([
      [lineOf('pixel.gif'), 'the picture "http://tracker.example/pixel.gif" is fetched over plain http; write https://tracker.example/pixel.gif'],
      [lineOf('old.jpg'), 'the picture "http://photos.agency.example/old.jpg" is fetched over plain http; write https://photos.agency.example/old.jpg'],
    ]);
    const fixed = writeTree({ 'articles/a.md': article(validFields(), body.replaceAll('http://', 'https://')) });
    const published = loadContent(fixed, { imageHosts: ['photos.agency.example', 'tracker.example', 'cdn.other.example'] });
    expect(published.problems).toEqual([]);
    expect(published.index.getArticle('a', NOW)?.title).toBeDefined();
  });
});

describe('redirectFrom and removed.yml', () => {
  it('map each old slug to its article, one or several, written as text or a list', () => {
    const root = writeTree({
      'articles/one.md': article([...validFields(), 'redirectFrom: old-one']),
      'articles/two.md': article([...validFields(), 'redirectFrom: [old-two, older-two]']),
    });
    const { index, problems } = loadContent(root);
    expect(problems).toEqual([]);
    expect(index.getRedirect('old-one', NOW)).toBe('one');
    expect(index.getRedirect('older-two', NOW)).toBe('two');
    expect(index.getRedirect('one', NOW)).toBeNull();
    expect(index.getRedirectedSlugs(NOW)).toEqual(['old-one', 'old-two', 'older-two']);
    // The way back, for carrying a renamed article's comments over.
    expect(index.getOldSlugs('two', NOW).sort()).toEqual(['old-two', 'older-two']);
    expect(index.getOldSlugs('one', NOW)).toEqual(['old-one']);
    expect(index.getOldSlugs('old-one', NOW)).toEqual([]);
  });

  it('redirect to a scheduled article only once it is out, and never to a draft left out', () => {
    const root = writeTree({
      'articles/later.md': article([...validFields({ date: '2026-12-01T09:00:00+04:30' }), 'redirectFrom: [old-later]']),
      'articles/secret.md': article([...validFields(), 'draft: true', 'redirectFrom: [old-secret]']),
    });
    const { index, problems } = loadContent(root, { includeDrafts: false });
    expect(problems).toEqual([]);
    expect(index.getRedirect('old-later', NOW)).toBeNull();
    expect(index.getRedirect('old-later', new Date('2026-12-02T00:00:00Z'))).toBe('later');
    expect(index.getRedirect('old-secret', NOW)).toBeNull();
    expect(index.getRedirectedSlugs(NOW)).toEqual([]);
    expect(loadContent(root, { includeDrafts: true }).index.getRedirect('old-secret', NOW)).toBe('secret');
  });

  it('check a draft\'s old slugs too, so publishing it later cannot break the build', () => {
    const root = writeTree({
      'articles/live.md': article(validFields()),
      'articles/secret.md': article([...validFields(), 'draft: true', 'redirectFrom: [live]']),
    });
    expect(loadContent(root, { includeDrafts: false }).problems).toEqual([
      {
        file: 'content/articles/secret.md',
        line: 7,
        field: 'redirectFrom',
        message: '"live" is the slug of content/articles/live.md, a live article; an address cannot be both old and live',
      },
    ]);
  });

  it('read removed.yml when there is one, and nothing when there is none', () => {
    const root = writeTree({
      'articles/a.md': article(validFields()),
      'removed.yml': '- slug: gone\n  removed: 2026-11-01\n',
    });
    const { index, problems } = loadContent(root);
    expect(problems).toEqual([]);
    expect(index.getRemovedArticles()).toEqual([{ slug: 'gone', removed: '2026-11-01' }]);
    expect(index.getRemovedArticle('a')).toBeNull();
    expect(loadContent(writeTree({ 'articles/a.md': article(validFields()) })).index.getRemovedArticles()).toEqual([]);
    expect(loadContent(writeTree({ 'removed.yml': '# none yet\n' })).index.getRemovedArticles()).toEqual([]);
  });

  it('explain a removed.yml that is not a list', () => {
    const root = writeTree({ 'removed.yml': 'slug: gone\n' });
    expect(loadContent(root).problems).toEqual([
      {
        file: 'content/removed.yml',
        line: 1,
        field: 'file',
        message:
          'must be a list of removed articles, e.g. - { slug: budget-passed, removed: 2026-11-20, reason: "Withdrawn at the source\'s request" }',
      },
    ]);
  });
});

describe('featured and breaking', () => {
  const story = (day: number, fields: Record<string, string | null> = {}) =>
    article(validFields({ date: `2026-11-${String(day).padStart(2, '0')}T09:30:00+04:30`, ...fields }));

  it('lead their listings and show a strip until their end times, which the clock treats as publications', () => {
    const root = writeTree({
      'articles/old-lead.md': story(1, { featured: 'true', featuredUntil: '2026-11-10T12:00:00+04:30' }),
      'articles/security-lead.md': story(2, { categories: '[Security]', featured: 'true' }),
      'articles/flash.md': story(3, { breaking: '"Polls close early in two provinces"', breakingUntil: '2026-11-03T18:00:00+04:30' }),
      'articles/newest.md': story(4),
    });
    const { index, problems } = loadContent(root);
    expect(problems).toEqual([]);
    const at = (iso: string) => new Date(iso);
    // The newest featured story leads wherever it is primary; the front page takes the newest of all.
    expect(index.getFeatured(at('2026-11-05T00:00:00Z'))?.slug).toBe('security-lead');
    expect(index.getFeatured(at('2026-11-05T00:00:00Z'), 'politics')?.slug).toBe('old-lead');
    expect(index.getFeatured(at('2026-11-05T00:00:00Z'), 'security')?.slug).toBe('security-lead');
    expect(index.getFeatured(at('2026-11-10T07:30:00Z'), 'politics')).toBeNull();
    // Not before it is out.
    expect(index.getFeatured(at('2026-11-01T00:00:00Z'))).toBeNull();

    expect(index.getBreakingNews(at('2026-11-03T04:59:59Z'))).toEqual([]);
    expect(index.getBreakingNews(at('2026-11-03T06:00:00Z')).map((summary) => summary.breaking)).toEqual([
      { text: 'Polls close early in two provinces', until: '2026-11-03T13:30:00.000Z' },
    ]);
    expect(index.getBreakingNews(at('2026-11-03T13:30:00Z'))).toEqual([]);

    // The clock's next moment: the strip ending, then the lead ending, then nothing.
    expect(index.getNextPublicationTime(at('2026-11-03T12:00:00Z'))).toBe(Date.parse('2026-11-03T13:30:00Z'));
    expect(index.getNextPublicationTime(at('2026-11-05T00:00:00Z'))).toBe(Date.parse('2026-11-10T07:30:00Z'));
    expect(index.getNextPublicationTime(at('2026-11-11T00:00:00Z'))).toBeNull();
  });

  it('explain an editor’s mistakes at their line', () => {
    const root = writeTree({
      'articles/a.md': article([...validFields(), 'featuredUntil: 2026-11-05T10:00:00+04:30', 'breaking: "Strip with no end"']),
      'articles/b.md': article([
        ...validFields(),
        'featured: yes please',
        'breaking: "Polls close"',
        'breakingUntil: 2026-11-01T10:00:00+04:30',
      ]),
      'articles/c.md': article([...validFields(), 'featured: true', 'featuredUntil: 2026-11-02T09:30:00+04:30', 'breakingUntil: 2026-11-03T10:00:00+04:30']),
      'articles/d.md': article([...validFields(), `breaking: "${'x'.repeat(121)}"`, 'breakingUntil: 2026-11-03T10:00:00+04:30']),
    });
    expect(loadContent(root).problems.map((p) => `${p.file.split('/').pop()}:${p.line}: ${p.field}: ${p.message}`)).toEqual([
      'a.md:6: featuredUntil: only ends a featured article; add featured: true or remove featuredUntil',
      'a.md:7: breaking: needs breakingUntil, the time the strip stops showing, e.g. breakingUntil: 2026-11-02T09:30:00+04:30',
      'b.md:6: featured: must be true or false',
      'b.md:8: breakingUntil: is not after date (2026-11-02T09:30:00+04:30); the strip would never show',
      'c.md:7: featuredUntil: is not after date (2026-11-02T09:30:00+04:30); the article would never lead',
      'c.md:8: breakingUntil: ends a breaking strip, and there is none; add breaking: "…" or remove breakingUntil',
      'd.md:6: breaking: is 121 characters long; a breaking strip is at most 120',
    ]);
  });
});

describe('translations', () => {
  const version = (lang: string, of?: string, day = 2) =>
    article(validFields({ date: `2026-11-0${day}T09:30:00+04:30`, lang, ...(of ? { translationOf: of } : {}) }));

  it('link every version of a story to the others, once each is out, by language', () => {
    const root = writeTree({
      'articles/calendar.md': version('en'),
      'articles/calendar-dari.md': version('fa-AF', 'calendar'),
      'articles/calendar-pashto.md': version('ps', 'calendar', 9),
      'articles/other.md': version('en'),
    });
    const { index, problems } = loadContent(root);
    expect(problems).toEqual([]);
    const versionsOf = (slug: string, now: Date) => index.getTranslations(slug, now).map((summary) => `${summary.lang}:${summary.slug}`);
    expect(versionsOf('calendar', NOW)).toEqual(['fa-AF:calendar-dari', 'ps:calendar-pashto']);
    expect(versionsOf('calendar-pashto', NOW)).toEqual(['en:calendar', 'fa-AF:calendar-dari']);
    expect(versionsOf('other', NOW)).toEqual([]);
    // The Pashto version is not out yet on the 5th: nobody links it.
    expect(versionsOf('calendar-dari', new Date('2026-11-05T00:00:00Z'))).toEqual(['en:calendar']);
    expect(index.getSummary('calendar-dari', NOW)?.translationOf).toBe('calendar');
  });

  it('refuse a link to a missing article, to itself, in a cycle or a chain, and two versions in one language', () => {
    const root = writeTree({
      'articles/calendar.md': version('en'),
      'articles/a.md': version('fa-AF', 'calender'),
      'articles/b.md': version('fa-AF', 'b'),
      'articles/c.md': version('ps', 'd'),
      'articles/d.md': version('en', 'c'),
      'articles/e.md': version('ur', 'calendar-dari'),
      'articles/calendar-dari.md': version('fa-AF', 'calendar'),
      'articles/f.md': version('fa-AF', 'calendar'),
      'articles/g.md': article([...validFields(), 'translationOf: [calendar]']),
    });
    expect(loadContent(root).problems.map((p) => `${p.file.split('/').pop()}:${p.line}: ${p.field}: ${p.message}`)).toEqual([
      // A field's own problems come before those found by comparing articles.
      'g.md:6: translationOf: must be the slug of the original article, e.g. translationOf: budget-vote',
      'a.md:7: translationOf: "calender" is not an article; did you mean "calendar"?',
      'b.md:7: translationOf: "b" is this article\'s own slug; name the original it translates',
      expect.stringMatching(/^c\.md:7: translationOf: "d" names this article as its original too \(.*d\.md\); only the translation names the other/),
      expect.stringMatching(/^d\.md:7: translationOf: "c" names this article as its original too/),
      'e.md:7: translationOf: "calendar-dari" is itself a translation of "calendar"; name the original: translationOf: calendar',
      expect.stringMatching(/^f\.md:7: translationOf: .*calendar-dari\.md is already the fa-AF version of "calendar"; a story has one version per language/),
    ]);
  });
});
