import fs from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { type ContentProblem, ContentError, formatProblems, loadContent } from '@/lib/content';
import { closestMatch, editDistance } from '@/lib/content/problems';

import { B, BROKEN_REPORT, BROKEN_ROOT, FIXTURES, TINY_SVG, article, removeTrees, validFields, writeTree } from './helpers';

afterAll(removeTrees);

/** Problems of a temporary tree holding one extra article `a.md`. */
function problemsOf(frontMatter: readonly string[], body?: string, extra: Record<string, string | null> = {}) {
  const root = writeTree({ 'articles/a.md': article(frontMatter, body), ...extra });
  return loadContent(root).problems;
}

/** The one problem of a.md, as `line: field: message`. */
function only(problems: ContentProblem[]): string {
  expect(problems.map((problem) => problem.file)).toEqual(problems.map(() => 'content/articles/a.md'));
  expect(problems).toHaveLength(1);
  const [problem] = problems;
  return problem ? `${problem.line}: ${problem.field}: ${problem.message}` : '';
}

describe('the broken fixture', () => {
  const { problems } = loadContent(BROKEN_ROOT, { includeDrafts: true });

  it('reports every problem of every file at once, in file order, each on its real line', () => {
    expect(formatProblems(problems).split('\n')).toEqual(BROKEN_REPORT);
  });

  it('gives structured problems with the field and message apart', () => {
    expect(problems.find((problem) => problem.file.endsWith('unknown-category.md'))).toEqual({
      file: `${B}/articles/unknown-category.md`,
      line: 7,
      field: 'categories',
      message: 'unknown category "Politcs"; did you mean "Politics"?',
    });
  });

  it('does not index articles with problems', () => {
    const { index } = loadContent(BROKEN_ROOT, { includeDrafts: true });
    // a.md is the only valid article; its duplicate in 2026/ is not indexed.
    expect(index.getPublishedSlugs(new Date('2030-01-01T00:00:00Z'))).toEqual(['a']);
  });
});

describe('front matter messages', () => {
  it('date without a time or zone', () => {
    expect(only(problemsOf(validFields({ date: '2026-11-02' })))).toBe(
      '3: date: "2026-11-02" has no time or time zone; add both, e.g. 2026-11-02T09:30:00+04:30',
    );
  });

  it('date that is not text', () => {
    expect(only(problemsOf(validFields({ date: '2026' })))).toBe(
      '3: date: 2026 is not an ISO 8601 date; write it like 2026-11-02T09:30:00+04:30',
    );
  });

  it('missing date', () => {
    expect(only(problemsOf(validFields({ date: null })))).toBe(
      '1: date: is required; add the publication time, e.g. date: 2026-11-02T09:30:00+04:30',
    );
  });

  it('updated that is not a date', () => {
    expect(only(problemsOf([...validFields(), 'updated: later']))).toBe(
      '6: updated: "later" is not an ISO 8601 date; write it like 2026-11-02T09:30:00+04:30',
    );
  });

  it('title that YAML reads as a number, empty, or with HTML', () => {
    expect(only(problemsOf(validFields({ title: '1984' })))).toBe('2: title: must be text; put it in quotes, e.g. "1984"');
    expect(only(problemsOf(validFields({ title: '"  "' })))).toBe(
      '2: title: is required; add a headline, e.g. title: "Parliament passes budget"',
    );
    expect(only(problemsOf(validFields({ title: '"Budget <b>passes</b>"' })))).toBe(
      '2: title: must be plain text; remove the HTML tags',
    );
  });

  it('a title of exactly 200 characters is fine', () => {
    expect(problemsOf(validFields({ title: 'x'.repeat(200) }))).toEqual([]);
  });

  it('missing author, and an unknown one in a block list on its own line', () => {
    expect(only(problemsOf(validFields({ author: null })))).toBe(
      '1: author: is required; add an author id from content/authors/, e.g. author: j-doe',
    );
    const fields = validFields({ author: null });
    expect(only(problemsOf([...fields, 'author:', '  - j-doe', '  - ziggy']))).toBe(
      '7: author: unknown author "ziggy"; known authors: j-doe, omar-khan. Authors are files in content/authors/',
    );
  });

  it('author that is a group of fields', () => {
    expect(only(problemsOf(validFields({ author: '{ id: j-doe }' })))).toBe(
      '4: author: must be an author id or a list of author ids',
    );
  });

  it('an empty category list', () => {
    expect(only(problemsOf(validFields({ categories: '[]' })))).toBe(
      '5: categories: is required; list at least one of: Politics, Government, Security',
    );
  });

  it('tags that are not a list', () => {
    expect(only(problemsOf([...validFields(), 'tags: { a: 1 }']))).toBe(
      '6: tags: must be a list of tags, e.g. tags: [budget, parliament]',
    );
  });

  it('a picture given as a URL', () => {
    expect(only(problemsOf([...validFields(), 'image: https://example.org/x.jpg', 'imageAlt: x']))).toBe(
      '6: image: "https://example.org/x.jpg" must be a path under public/ starting with /, e.g. /images/kabul.jpg',
    );
  });

  it('a picture whose size cannot be read', () => {
    const problems = problemsOf([...validFields(), 'image: /images/broken.png', 'imageAlt: x'], undefined, {
      'public/images/broken.png': 'not a picture',
    });
    expect(only(problems)).toBe(
      '6: image: cannot read the size of public/images/broken.png; use a JPEG, PNG, WebP, AVIF, GIF or SVG file',
    );
  });

  it('imageAlt, imageCaption or imageCredit without a picture', () => {
    expect(only(problemsOf([...validFields(), 'imageAlt: A dusty road']))).toBe(
      '6: imageAlt: is only shown with a picture; add image or remove imageAlt',
    );
  });

  it('a picture with an empty description', () => {
    const problems = problemsOf([...validFields(), 'image: /images/tiny.svg', 'imageAlt: ""'], undefined, {
      'public/images/tiny.svg': TINY_SVG,
    });
    expect(only(problems)).toBe(
      '6: imageAlt: is required when image is set; describe the picture for readers who cannot see it',
    );
  });

  it('a language tag with an underscore', () => {
    expect(only(problemsOf([...validFields(), 'lang: fa_AF']))).toBe(
      '6: lang: "fa_AF" is not a BCP 47 language tag; use e.g. en, fa-AF, ps, ur',
    );
  });

  it('an unknown field with nothing close lists the known ones', () => {
    expect(only(problemsOf([...validFields(), 'weather: sunny']))).toBe(
      '6: weather: unknown field; use one of: title, date, updated, author, source, categories, tags, excerpt, image, imageAlt, imageCaption, imageCredit, draft, featured, featuredUntil, breaking, breakingUntil, lang, corrections, translationOf, redirectFrom',
    );
  });

  it('a repeated key is a YAML error on its line', () => {
    expect(only(problemsOf([...validFields(), 'title: Again']))).toBe('6: front matter: Map keys must be unique');
  });

  it('front matter that is not closed', () => {
    const root = writeTree({ 'articles/a.md': '---\ntitle: Open\n\nBody.\n' });
    expect(only(loadContent(root).problems)).toBe('1: front matter: is not closed; add a line "---" after the last field');
  });

  it('front matter that is a list', () => {
    expect(only(problemsOf(['- title', '- date']))).toBe(
      '2: front matter: must be fields, one per line, e.g. title: "Parliament passes budget"',
    );
  });

  it('empty front matter reports every required field', () => {
    const problems = problemsOf([]);
    expect(problems.map((problem) => `${problem.line}: ${problem.field}`)).toEqual([
      '1: title',
      '1: date',
      '1: author',
      '1: categories',
    ]);
  });
});

describe('files and folders', () => {
  it('a Markdown file with another extension is named, not silently skipped', () => {
    const root = writeTree({ 'articles/notes.markdown': article(validFields()) });
    expect(loadContent(root).problems).toEqual([
      {
        file: 'content/articles/notes.markdown',
        line: 1,
        field: 'file',
        message: '"notes.markdown" is not read; article files must end in .md',
      },
    ]);
  });

  it('a missing categories.yml is its own problem, and articles cannot name categories', () => {
    const root = writeTree({ 'categories.yml': null, 'articles/a.md': article(validFields()) });
    expect(formatProblems(loadContent(root).problems).split('\n')).toEqual([
      'content/categories.yml:1: file: is missing; create it with a list of categories, e.g. - { name: Politics, description: "Parliament and parties" }',
      'content/articles/a.md:5: categories: unknown category "Politics"; categories.yml lists none yet',
      '2 problems in 2 files',
    ]);
  });

  it('categories.yml that is not a list, or not YAML', () => {
    const notList = writeTree({ 'categories.yml': 'Politics: Parliament\n' });
    expect(loadContent(notList).problems).toEqual([
      {
        file: 'content/categories.yml',
        line: 1,
        field: 'categories',
        message: 'must be a list of categories, e.g. - { name: Politics, description: "Parliament and parties" }',
      },
    ]);
    const notYaml = writeTree({ 'categories.yml': '- name: Politics\n  description: [unclosed\n' });
    expect(loadContent(notYaml).problems.map((problem) => [problem.file, problem.field])).toEqual([
      ['content/categories.yml', 'yaml'],
    ]);
  });

  it('categories.yml with a repeated name, a clashing slug and a bad slug', () => {
    const root = writeTree({
      'categories.yml': [
        '- { name: Politics, description: One }',
        '- { name: politics, description: Two }',
        '- { name: Security, slug: politics, description: Three }',
        '- { name: Economy, slug: Money Matters, description: Four }',
        '- { name: "!!!", description: Five }',
        '',
      ].join('\n'),
    });
    expect(formatProblems(loadContent(root).problems).split('\n')).toEqual([
      'content/categories.yml:2: name: "politics" is listed twice; keep one entry',
      'content/categories.yml:3: slug: "politics" is also the slug of "Politics"; give one of them its own slug: field',
      'content/categories.yml:4: slug: "Money Matters" is not a valid slug; use lower-case letters, digits and hyphens, e.g. money-matters',
      'content/categories.yml:5: slug: cannot be made from the name "!!!"; add slug: with lower-case letters, digits and hyphens',
      '4 problems in 1 file',
    ]);
  });

  it('author files: a bad file name, an unknown field, and a missing folder', () => {
    const root = writeTree({
      'authors/Jane Doe.md': '---\nname: Jane Doe\n---\n',
      'authors/omar-khan.md': '---\nname: Omar Khan\nrol: Editor\n---\n',
    });
    expect(formatProblems(loadContent(root).problems).split('\n')).toEqual([
      'content/authors/Jane Doe.md:1: file: "Jane Doe.md" is not a valid slug; use lower-case letters, digits and hyphens, e.g. jane-doe.md',
      'content/authors/omar-khan.md:3: rol: unknown field; did you mean "role"?',
      '2 problems in 2 files',
    ]);

    const noAuthors = writeTree({}, { 'categories.yml': '[]\n' });
    expect(formatProblems(loadContent(noAuthors).problems).split('\n')).toEqual([
      'content/authors:1: file: the authors folder is missing; add one file per author, e.g. content/authors/jane-doe.md',
      '1 problem in 1 file',
    ]);
  });

  it('a missing articles folder and a missing content folder', () => {
    const root = writeTree({});
    fs.rmSync(path.join(root, 'articles'), { recursive: true });
    expect(formatProblems(loadContent(root).problems).split('\n')).toEqual([
      'content/articles:1: file: the articles folder is missing; add one file per article, e.g. content/articles/budget-vote.md',
      '1 problem in 1 file',
    ]);
    expect(loadContent(path.join(FIXTURES, 'nowhere')).problems).toEqual([
      {
        file: 'tests/fixtures/content/nowhere',
        line: 1,
        field: 'file',
        message: 'the content folder does not exist; it holds articles/, authors/ and categories.yml',
      },
    ]);
  });
});

describe('formatting and suggestions', () => {
  it('formats path:line: field: message with a count', () => {
    const problems: ContentProblem[] = [
      { file: 'content/articles/x.md', line: 3, field: 'date', message: 'is wrong' },
    ];
    expect(formatProblems(problems)).toBe('content/articles/x.md:3: date: is wrong\n1 problem in 1 file');
  });

  it('ContentError carries the report as its message and the problems', () => {
    const problems: ContentProblem[] = [{ file: 'a.md', line: 1, field: 'title', message: 'is required' }];
    const error = new ContentError(problems);
    expect(error.message).toBe('a.md:1: title: is required\n1 problem in 1 file');
    expect(error.problems).toEqual(problems);
    expect(error).toBeInstanceOf(Error);
  });

  it('suggests the closest known value, case-insensitively, only when it is close', () => {
    expect(editDistance('Politcs', 'politics')).toBe(1);
    expect(closestMatch('Politcs', ['Government', 'Politics', 'Security'])).toBe('Politics');
    expect(closestMatch('jdoe', ['omar-khan', 'j-doe'])).toBe('j-doe');
    expect(closestMatch('Weather', ['Government', 'Politics'])).toBeUndefined();
    expect(closestMatch('ab', ['xy'])).toBeUndefined();
  });
});
