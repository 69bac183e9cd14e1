import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  assessComment,
  countLinks,
  findBlockedTerm,
  foldForMatch,
  getBlocklist,
  parseBlocklist,
  staffNameProblem,
} from '@/lib/comments/spam';

const list = parseBlocklist(
  ['# a note, not a term', '', 'casino', '  Payday   Loan  ', 'کازینو', 'شرط بندی', 'شرط‌بندی', 'کیسینو', 'c++ deals', 'ΣΟΦΙΑ'].join('\n'),
);

const assess = (submission: Partial<Parameters<typeof assessComment>[0]>) =>
  assessComment({ name: 'Reader', body: 'A fair point.', website: null, ...submission }, list, 'Dateline');

describe('honeypot', () => {
  it('sends a filled honeypot to spam, silently', () => {
    expect(assess({ honeypot: 'http://spam.example' })).toEqual({ status: 'spam', reason: 'honeypot', silent: true });
  });

  it('ignores an empty or absent honeypot', () => {
    expect(assess({ honeypot: '' })).toEqual({ status: 'held', reason: 'new comment', silent: false });
    expect(assess({ honeypot: '   ' }).status).toBe('held');
    expect(assess({}).status).toBe('held');
  });
});

describe('links', () => {
  it('counts http(s) and www links', () => {
    expect(countLinks('see https://a.example and http://b.example/x?y and www.c.example')).toBe(3);
    expect(countLinks('no links, just example.com')).toBe(0);
  });

  it('holds a comment with two links or more, with the reason', () => {
    expect(assess({ body: 'One link: https://a.example' })).toMatchObject({ status: 'held', reason: 'new comment' });
    expect(assess({ body: 'https://a.example https://b.example' })).toMatchObject({ status: 'held', reason: '2 links' });
  });
});

describe('blocklist', () => {
  it('reads one term per line, skipping notes and blank lines', () => {
    expect(list.terms).toEqual(['casino', 'payday loan', 'کازینو', 'شرط بندی', 'شرطبندی', 'کیسینو', 'c++ deals', 'σοφια']);
  });

  it('matches whole words, case-folded', () => {
    expect(findBlockedTerm('Best CASINO in town', list)).toBe('casino');
    expect(findBlockedTerm('casinos', list)).toBeNull();
    expect(findBlockedTerm('Casino.', list)).toBe('casino');
    expect(findBlockedTerm('a PAYDAY\n  loan today', list)).toBe('payday loan');
    expect(findBlockedTerm('cheap c++ deals here', list)).toBe('c++ deals');
    expect(findBlockedTerm('σοφια', list)).toBe('σοφια');
  });

  it('folds compatibility forms (full-width letters)', () => {
    expect(findBlockedTerm('ｃａｓｉｎｏ', list)).toBe('casino');
    expect(foldForMatch('ＣＡＳＩＮＯ')).toBe('casino');
  });

  it('matches Persian, Dari and Urdu terms as whole words', () => {
    expect(findBlockedTerm('بهترین کازینو آنلاین', list)).toBe('کازینو');
    expect(findBlockedTerm('کازینوها', list)).toBeNull();
    expect(findBlockedTerm('سایت شرط بندی فوتبال', list)).toBe('شرط بندی');
    expect(findBlockedTerm('سایت شرط‌بندی فوتبال', list)).toBe('شرطبندی');
    expect(findBlockedTerm('آن لائن کیسینو کھیلیں', list)).toBe('کیسینو');
  });

  it('sees through the tricks that hide a word in Arabic script', () => {
    // Tatweel, a zero-width joiner and Arabic rather than Persian kaf and yeh.
    expect(findBlockedTerm('کازیـــنو', list)).toBe('کازینو');
    expect(findBlockedTerm('کا\u200Dزینو', list)).toBe('کازینو');
    expect(findBlockedTerm('\u0643\u0627\u0632\u064A\u0646\u0648', list)).toBe('کازینو');
  });

  it('holds a comment with a blocked word in the name, website or text', () => {
    expect(assess({ body: 'Visit our casino' })).toEqual({ status: 'held', reason: 'blocked word: casino', silent: false });
    expect(assess({ name: 'Casino King' }).reason).toBe('blocked word: casino');
    expect(assess({ body: 'casino https://a.example https://b.example' }).reason).toBe('2 links; blocked word: casino');
  });

  it('is empty when the list is', () => {
    expect(findBlockedTerm('casino', parseBlocklist('# nothing\n'))).toBeNull();
  });

  it("loads the newsroom's list from content/moderation/blocklist.txt", () => {
    const newsroom = getBlocklist(path.resolve('content/moderation/blocklist.txt'));
    expect(newsroom.terms.length).toBeGreaterThan(5);
    expect(findBlockedTerm('Play at our online casino', newsroom)).toBe('online casino');
    expect(findBlockedTerm('بهترین کازینو', newsroom)).toBe('کازینو');
    expect(getBlocklist(path.resolve('no/such/list.txt')).terms).toEqual([]);
  });
});

describe('names that imitate the newsroom', () => {
  it('holds a name that passes itself off as staff or the site, with the reason', () => {
    expect(assess({ name: 'Dateline Moderator' })).toEqual({ status: 'held', reason: 'name imitates the site: Dateline', silent: false });
    expect(staffNameProblem('Site administrator', 'Dateline')).toBe('name imitates staff: administrator');
    expect(staffNameProblem('m0derator', 'Dateline')).toBe('name imitates staff: moderator');
    expect(staffNameProblem('DATE LINE', 'Dateline')).toBe('name imitates the site: Dateline');
    expect(staffNameProblem('Date\u200Bline', 'Dateline')).toBe('name imitates the site: Dateline');
  });

  it('sees through Cyrillic and Greek letters drawn like Latin ones', () => {
    // Cyrillic А, о and і.
    expect(staffNameProblem('\u0410dm\u0456n\u0456strat\u043er', 'Dateline')).toBe('name imitates staff: administrator');
    // Greek ο in an ordinary name: mixed scripts in one word.
    expect(staffNameProblem('J\u03BFhn', 'Dateline')).toBe('name mixes scripts');
  });

  it('leaves ordinary names alone, in any script', () => {
    for (const name of ['Amina Rahimi', 'Edith', 'محمد کریمی', 'Ольга Петрова', 'Γιώργος', 'Zarghona Khan 2']) {
      expect(staffNameProblem(name, 'Dateline'), name).toBeNull();
    }
  });
});
