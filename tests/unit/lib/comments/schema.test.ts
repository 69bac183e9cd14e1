import { describe, expect, it } from 'vitest';

import { COMMENT_LIMITS, parseCommentEdit, parseCommentInput } from '@/lib/comments/schema';
import { messagesFor } from '@/lib/i18n';

const valid = {
  articleSlug: 'budget-vote',
  name: 'Amina',
  email: 'amina@example.com',
  website: '',
  comment: 'A fair point.',
};

function parse(overrides: Record<string, unknown>) {
  return parseCommentInput({ ...valid, ...overrides });
}

function errorOf(field: string, overrides: Record<string, unknown>): string | undefined {
  const result = parse(overrides);
  return result.ok ? undefined : (result.fieldErrors as Record<string, string>)[field];
}

function valueOf(overrides: Record<string, unknown>) {
  const result = parse(overrides);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.fieldErrors)}`);
  return result.value;
}

// One code point each: a Latin letter, an Arabic letter (one UTF-16 unit) and
// an astral letter (two UTF-16 units).
const LATIN = 'a';
const ARABIC = 'م';
const ASTRAL = '𝒜';

describe('limits in code points, at the limit and one past it', () => {
  it.each([
    ['Latin', LATIN],
    ['Arabic', ARABIC],
    ['astral', ASTRAL],
  ])('name (%s)', (_script, char) => {
    expect(valueOf({ name: char.repeat(245) }).name).toBe(char.repeat(245));
    expect(errorOf('name', { name: char.repeat(246) })).toBe('Your name can be at most 245 characters (you have 246).');
  });

  it.each([
    ['Latin', LATIN],
    ['Arabic', ARABIC],
    ['astral', ASTRAL],
  ])('comment (%s)', (_script, char) => {
    expect(valueOf({ comment: char.repeat(65_525) }).body).toHaveLength(65_525 * char.length);
    expect(errorOf('comment', { comment: char.repeat(65_526) })).toBe('Your comment can be at most 65,525 characters (you have 65,526).');
    expect(valueOf({ comment: char }).body).toBe(char);
  });

  it('comment needs at least one character after trimming', () => {
    expect(errorOf('comment', { comment: '' })).toBe('Please write a comment.');
    expect(errorOf('comment', { comment: ' \n\t ' })).toBe('Please write a comment.');
    expect(errorOf('comment', { comment: undefined })).toBe('Please write a comment.');
  });

  it('email (ASCII; Arabic letters are not a well-formed address)', () => {
    const at100 = `${'a'.repeat(64)}@${'b'.repeat(31)}.com`;
    expect(at100).toHaveLength(100);
    expect(valueOf({ email: at100 }).email).toBe(at100);
    expect(errorOf('email', { email: `${'a'.repeat(64)}@${'b'.repeat(32)}.com` })).toBe(
      'Your email address can be at most 100 characters (you have 101).',
    );
    expect(errorOf('email', { email: `${ARABIC.repeat(10)}@example.com` })).toBe(
      'Please enter a valid email address, like name@example.com.',
    );
  });

  it.each([
    ['Latin', LATIN],
    ['Arabic', ARABIC],
    ['astral', ASTRAL],
  ])('website (%s path)', (_script, char) => {
    const base = 'https://example.com/';
    const at200 = base + char.repeat(200 - base.length);
    expect(valueOf({ website: at200 }).website).toBe(at200);
    expect(errorOf('website', { website: `${at200}${char}` })).toBe('Your website address can be at most 200 characters (you have 201).');
  });

  it('counts after normalising: 245 decomposed letters are 245 characters', () => {
    const decomposed = 'e\u0301'.repeat(245);
    expect(valueOf({ name: decomposed }).name).toBe('\u00E9'.repeat(245));
  });

  it('measures a body of megabytes without choking, and keeps it out of the echo', () => {
    for (const size of [1_048_576, 10_485_760]) {
      const started = performance.now();
      const result = parse({ comment: 'x'.repeat(size) });
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.fieldErrors.comment).toBe(
          `Your comment can be at most 65,525 characters (you have ${new Intl.NumberFormat('en-US').format(size)}).`,
        );
        expect(result.values.comment).toBe('');
      }
    }
  });
});

describe('cleaning', () => {
  it('trims and NFC-normalises every text field', () => {
    const value = valueOf({ name: '  Ame\u0301lie \n', comment: '\n  ا\u0653ب  \n', email: ' amina@example.com ' });
    expect(value.name).toBe('Amélie');
    expect(value.body).toBe('\u0622ب');
    expect(value.email).toBe('amina@example.com');
  });

  it('turns \\r\\n and \\r into \\n and keeps tabs and line breaks in the comment', () => {
    expect(valueOf({ comment: 'one\r\ntwo\rthree\n\n\tfour' }).body).toBe('one\ntwo\nthree\n\n\tfour');
  });

  it.each([
    ['NUL', '\u0000'],
    ['bell', '\u0007'],
    ['escape', '\u001B'],
    ['DEL', '\u007F'],
    ['C1 next line', '\u0085'],
    ['C1 CSI', '\u009B'],
    ['lone surrogate', '\uD800'],
  ])('refuses %s with a field message', (_label, char) => {
    expect(errorOf('comment', { comment: `bad${char}text` })).toBe(
      'Your comment contains an invisible control character. Please remove it.',
    );
    expect(errorOf('name', { name: `bad${char}name` })).toBe('Your name contains an invisible control character. Please remove it.');
    expect(errorOf('email', { email: `a${char}b@example.com` })).toBe(
      'Your email address contains an invisible control character. Please remove it.',
    );
  });

  it('refuses a line break or tab inside a name', () => {
    expect(errorOf('name', { name: 'Two\nLines' })).toMatch(/control character/);
    expect(errorOf('name', { name: 'Tab\tName' })).toMatch(/control character/);
  });

  it('removes bidi embeddings, overrides and isolates', () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(valueOf({ name: `Ali${controls}Khan`, comment: `txt.exe\u202Egpj.` }).name).toBe('AliKhan');
    expect(valueOf({ comment: `evil\u202Egnp.exe` }).body).toBe('evilgnp.exe');
    expect(errorOf('name', { name: controls })).toBe('Please enter your name.');
  });

  it('keeps the zero-width non-joiner and joiner that Persian needs', () => {
    const persian = 'می\u200Cخواهم';
    expect(valueOf({ name: persian, comment: `${persian} \u200D` }).name).toBe(persian);
    expect(valueOf({ comment: `${persian} x\u200Dy` }).body).toBe(`${persian} x\u200Dy`);
  });
});

describe('email and website rules', () => {
  it.each(['name@example.com', 'first.last+tag@sub.example.co.uk', "o'brien@example.ie", 'x@xn--mgbh0fb.xn--kgbechtv'])(
    'accepts %s',
    (email) => {
      expect(valueOf({ email }).email).toBe(email);
    },
  );

  it.each([
    '',
    'plain',
    'name@',
    '@example.com',
    'name@example',
    'a@b@example.com',
    'na me@example.com',
    '.a@example.com',
    'a..b@example.com',
    'a@-example.com',
  ])('refuses "%s"', (email) => {
    expect(errorOf('email', { email })).toMatch(/^Please enter (your|a valid) email address/);
  });

  it('takes an empty website as none', () => {
    expect(valueOf({ website: '   ' }).website).toBeNull();
    expect(valueOf({ website: undefined }).website).toBeNull();
  });

  it.each(['http://example.com', 'https://example.com/a?b=c#d', 'HTTPS://EXAMPLE.COM', 'https://مثال.example/مسیر'])(
    'accepts %s',
    (website) => {
      expect(valueOf({ website }).website).toBe(website);
    },
  );

  it.each([
    ['javascript:alert(1)', 'Your website address must start with http:// or https://.'],
    ['JaVaScRiPt:alert(1)', 'Your website address must start with http:// or https://.'],
    ['data:text/html,<script>alert(1)</script>', 'Your website address must start with http:// or https://.'],
    ['ftp://example.com', 'Your website address must start with http:// or https://.'],
    ['example.com', 'Your website address must start with http:// or https://.'],
    ['https://', 'Please enter a valid website address, like https://example.com.'],
    ['https://exa mple.com', 'Please enter a valid website address, like https://example.com.'],
    ['https://bank.example@evil.example', 'Please enter a valid website address, like https://example.com.'],
  ])('refuses %s', (website, message) => {
    expect(errorOf('website', { website })).toBe(message);
  });
});

describe('parseCommentInput', () => {
  it('reads FormData and returns cleaned values', () => {
    const form = new FormData();
    form.set('articleSlug', 'budget-vote');
    form.set('parentId', '12');
    form.set('name', ' Amina ');
    form.set('email', 'amina@example.com');
    form.set('website', '');
    form.set('comment', 'Hello');
    expect(parseCommentInput(form)).toEqual({
      ok: true,
      value: { articleSlug: 'budget-vote', parentId: 12, name: 'Amina', email: 'amina@example.com', website: null, body: 'Hello' },
    });
  });

  it('reports every field at once and gives the typed values back', () => {
    const result = parseCommentInput({ articleSlug: '../etc/passwd', parentId: 'abc', name: '', email: 'nope', comment: '' });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        articleSlug: 'This article does not take comments.',
        parentId: 'The comment you are replying to could not be found.',
        name: 'Please enter your name.',
        email: 'Please enter a valid email address, like name@example.com.',
        comment: 'Please write a comment.',
      },
      values: { articleSlug: '../etc/passwd', parentId: 'abc', name: '', email: 'nope', comment: '' },
    });
  });

  it('never throws, whatever it is given', () => {
    const hostile = {
      get name(): string {
        throw new Error('boom');
      },
    };
    for (const raw of [undefined, null, 42, 'text', [], { name: 7, email: {}, comment: ['x'] }, hostile]) {
      expect(() => parseCommentInput(raw)).not.toThrow();
      expect(parseCommentInput(raw).ok).toBe(false);
    }
  });

  it('accepts a numeric parent id and no parent', () => {
    expect(valueOf({ parentId: 7 }).parentId).toBe(7);
    expect(valueOf({ parentId: '' }).parentId).toBeNull();
    expect(errorOf('parentId', { parentId: -1 })).toBeDefined();
    expect(errorOf('parentId', { parentId: '1e3' })).toBeDefined();
  });

  it('has the published limits', () => {
    expect(COMMENT_LIMITS).toMatchObject({ name: 245, email: 100, website: 200, body: 65_525 });
  });
});

describe('parseCommentEdit', () => {
  it('checks only the fields given, by the same rules', () => {
    expect(parseCommentEdit({ comment: ' Fixed \u202E' })).toEqual({ ok: true, value: { body: 'Fixed' } });
    expect(parseCommentEdit({ website: '' })).toEqual({ ok: true, value: { website: null } });
    expect(parseCommentEdit({ name: 'x'.repeat(246), email: 'bad' })).toEqual({
      ok: false,
      fieldErrors: {
        name: 'Your name can be at most 245 characters (you have 246).',
        email: 'Please enter a valid email address, like name@example.com.',
      },
      values: { name: 'x'.repeat(246), email: 'bad' },
    });
  });

  // Moved from the store's contract suite: the store takes parsed edits, so the reader rules refuse here.
  it('refuses an edit by the reader rules', () => {
    expect(parseCommentEdit({ name: '', website: 'javascript:alert(1)' })).toEqual({
      ok: false,
      fieldErrors: {
        name: 'Please enter your name.',
        website: 'Your website address must start with http:// or https://.',
      },
      values: { name: '', website: 'javascript:alert(1)' },
    });
  });
});

// Moved from the store's contract suite: the store takes parsed input, so what skipped validation is refused here.
describe('input that skipped validation', () => {
  it('is refused, without quoting the email', () => {
    const result = parseCommentInput({ ...valid, email: 'not an email secret@example.com', comment: '\u0000' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.fieldErrors).sort()).toEqual(['comment', 'email']);
      expect(JSON.stringify(result.fieldErrors)).not.toContain('secret@example.com');
    }
  });
});

describe('in the article’s language', () => {
  it('answers a Dari reader in Dari, with Persian digits', () => {
    const dari = messagesFor('fa-AF', 'en');
    const result = parseCommentInput(
      { articleSlug: 'a', name: 'x'.repeat(COMMENT_LIMITS.name + 1), email: 'not-an-email', comment: '   ' },
      dari,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      comment: 'لطفاً دیدگاه خود را بنویسید.',
      name: 'نام شما حداکثر می‌تواند ۲۴۵ نویسه باشد (شما ۲۴۶ نویسه نوشته‌اید).',
      email: 'لطفاً یک آدرس ایمیل درست بنویسید، مانند name@example.com',
    });
  });

  it('keeps English when no language is given', () => {
    const result = parseCommentInput({ articleSlug: 'a', name: 'Zahra', email: 'z@example.com', comment: '' });
    expect(result.ok ? null : result.fieldErrors.comment).toBe('Please write a comment.');
  });
});
