import { describe, expect, it } from 'vitest';

import { AVATAR_TONES, avatarTone, initials } from '@/components/comments/initials';
import { linkify, safeHttpUrl, toParagraphs } from '@/components/comments/linkify';

describe('safeHttpUrl', () => {
  it('accepts absolute http and https addresses', () => {
    expect(safeHttpUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeHttpUrl('HTTP://Example.com')).toBe('http://example.com/');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//example.com',
    '/relative',
    'ftp://example.com',
    'https://bank.example@evil.example/',
    'https://exa mple.com',
    'https://',
    '',
  ])('refuses %j', (value) => {
    expect(safeHttpUrl(value)).toBeNull();
  });

  it('refuses null and undefined', () => {
    expect(safeHttpUrl(null)).toBeNull();
    expect(safeHttpUrl(undefined)).toBeNull();
  });
});

describe('linkify', () => {
  it('makes bare http(s) addresses into links and keeps the text around them', () => {
    expect(linkify('See https://example.com/a and http://example.org.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a', href: 'https://example.com/a' },
      { kind: 'text', text: ' and ' },
      { kind: 'link', text: 'http://example.org', href: 'http://example.org/' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('leaves closing punctuation outside the link, keeping balanced brackets', () => {
    expect(linkify('(see https://en.example.org/wiki/A_(b))')).toEqual([
      { kind: 'text', text: '(see ' },
      { kind: 'link', text: 'https://en.example.org/wiki/A_(b)', href: 'https://en.example.org/wiki/A_(b)' },
      { kind: 'text', text: ')' },
    ]);
    expect(linkify('نگاه کنید https://example.com،')).toEqual([
      { kind: 'text', text: 'نگاه کنید ' },
      { kind: 'link', text: 'https://example.com', href: 'https://example.com/' },
      { kind: 'text', text: '،' },
    ]);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    '<a href="https://x.example">x</a>',
    'www.example.com',
    'xhttps://example.com',
  ])('does not make %j into a link other than a plain http(s) address', (text) => {
    for (const segment of linkify(text)) {
      if (segment.kind === 'link') expect(segment.href).toMatch(/^https?:\/\//);
    }
    expect(
      linkify(text)
        .map((segment) => segment.text)
        .join(''),
    ).toBe(text);
  });

  it('stops an address at markup characters', () => {
    const segments = linkify('<a href="https://x.example/p">x</a>');
    expect(segments.find((segment) => segment.kind === 'link')).toEqual({
      kind: 'link',
      text: 'https://x.example/p',
      href: 'https://x.example/p',
    });
  });
});

describe('toParagraphs', () => {
  it('splits paragraphs at blank lines and keeps line breaks within them', () => {
    expect(toParagraphs('One\ntwo\n\n\nThree\r\n  \r\nFour')).toEqual([['One', 'two'], ['Three'], ['Four']]);
  });

  it('drops empty paragraphs', () => {
    expect(toParagraphs('\n\nOnly\n\n')).toEqual([['Only']]);
  });
});

describe('initials', () => {
  it.each([
    ['Amina Rahimi', 'AR'],
    ['omar', 'O'],
    ['  jean-luc   picard the third ', 'JP'],
    ['(Ali) Khan', 'AK'],
    ['Émile Zola', 'ÉZ'],
    ['9 lives', '9L'],
    ['!!!', '?'],
    ['', '?'],
  ])('%j gives %j', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });

  it('keeps Arabic-script initials as separate letters', () => {
    expect(initials('محمد علی')).toBe('م\u200Cع');
    expect(initials('زهره')).toBe('ز');
  });

  it('keeps a letter with its combining mark', () => {
    expect(initials('e\u0301lan vital')).toBe('ÉV');
  });
});

describe('avatarTone', () => {
  it('is the same for the same name and one of the avatar colours', () => {
    expect(avatarTone('Amina Rahimi')).toBe(avatarTone(' amina rahimi '));
    for (const name of ['a', 'Omar', 'محمد علی', '']) {
      const tone = avatarTone(name);
      expect(Number.isInteger(tone)).toBe(true);
      expect(tone).toBeGreaterThanOrEqual(0);
      expect(tone).toBeLessThan(AVATAR_TONES);
    }
  });

  it('usually differs between names', () => {
    const hues = new Set(['Amina', 'Omar', 'Zahra', 'Bilal', 'Sana', 'Farid'].map(avatarTone));
    expect(hues.size).toBeGreaterThan(3);
  });
});
