import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, expectTypeOf, it } from 'vitest';

import { MESSAGES, type Messages } from '@/lib/i18n';
import { en } from '@/lib/i18n/messages/en';
import { faAf } from '@/lib/i18n/messages/fa-af';
import { ps } from '@/lib/i18n/messages/ps';
import { ur } from '@/lib/i18n/messages/ur';

// Every key as a dotted path, with the string at it; `categories` names content, so it is compared apart.
function entries(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>)
    .filter(([key]) => !(prefix === '' && key === 'categories'))
    .flatMap(([key, inner]) => entries(inner, prefix ? `${prefix}.${key}` : key));
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the messages files', () => {
  it('are typed so that a file without a key does not compile', () => {
    expectTypeOf(faAf).toEqualTypeOf<Messages>();
    expectTypeOf(ps).toEqualTypeOf<Messages>();
    expectTypeOf(ur).toEqualTypeOf<Messages>();
    const { heading: _heading, ...withoutHeading } = en.commentForm;
    // @ts-expect-error: the comment form's heading is missing
    const incomplete: Messages = { ...en, commentForm: withoutHeading };
    expect(incomplete.commentForm).not.toHaveProperty('heading');
  });

  it('cover en, fa-AF, ps and ur, each once', () => {
    expect(MESSAGES.map((messages) => messages.lang)).toEqual(['en', 'fa-AF', 'ps', 'ur']);
  });

  it.each(MESSAGES.map((messages) => [messages.lang, messages] as const))(
    '%s has every key of en, none empty, with the same placeholders',
    (_lang, messages) => {
      const english = new Map(entries(en));
      const own = new Map(entries(messages));
      expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of own) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(english.get(key) ?? ''));
      }
    },
  );

  it('name every section of content/categories.yml in each language but English', () => {
    const yml = fs.readFileSync(path.join(process.cwd(), 'content/categories.yml'), 'utf8');
    const slugs = [...yml.matchAll(/^- name: (.+)$/gm)].map((match) => match[1]!.trim().toLowerCase().replace(/\s+/g, '-'));
    expect(slugs.length).toBeGreaterThan(0);
    for (const messages of [faAf, ps, ur]) {
      for (const slug of slugs) expect(messages.categories[slug], `${messages.lang}: ${slug}`).toBeTruthy();
    }
  });

  it('are in the script of their language', () => {
    for (const messages of [faAf, ps, ur]) {
      expect(messages.dir).toBe('rtl');
      expect(messages.commentForm.heading).toMatch(/^[\u0600-\u06ff\s]+$/);
    }
    expect(en.commentForm.heading).toBe('Leave a Reply');
  });
});
