import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FIXTURES = path.resolve('tests/fixtures/content');
export const VALID_ROOT = path.join(FIXTURES, 'valid');
export const BROKEN_ROOT = path.join(FIXTURES, 'broken');
export const B = 'tests/fixtures/content/broken';

/** The full report of the broken fixture, as `content:check` prints it, one line per problem. */
export const BROKEN_REPORT = [
  `${B}/categories.yml:5: description: is required; add a one-line description, e.g. description: "Parliament, parties and elections"`,
  `${B}/categories.yml:6: descripton: unknown field; did you mean "description"?`,
  `${B}/authors/no-name.md:1: name: is required; add the author's name, e.g. name: "Jane Doe"`,
  `${B}/articles/My Story.md:1: file: "My Story.md" is not a valid slug; use lower-case letters, digits and hyphens, e.g. my-story.md`,
  `${B}/articles/bad-date.md:3: date: "yesterday" is not an ISO 8601 date; write it like 2026-11-02T09:30:00+04:30`,
  `${B}/articles/bad-draft.md:6: draft: must be true or false`,
  `${B}/articles/bad-lang.md:6: lang: "english" is not a BCP 47 language tag; use e.g. en, fa-AF, ps, ur`,
  `${B}/articles/image-no-alt.md:6: imageAlt: is required when image is set; describe the picture for readers who cannot see it`,
  `${B}/articles/long-title.md:2: title: is 231 characters long; the limit is 200`,
  `${B}/articles/many-problems.md:2: title: is required; add a headline, e.g. title: "Parliament passes budget"`,
  `${B}/articles/many-problems.md:3: date: "2026-13-02T09:30:00+04:30" is not a real date and time; write it like 2026-11-02T09:30:00+04:30`,
  `${B}/articles/many-problems.md:4: author: unknown author "nobody"; known authors: j-doe, no-name. Authors are files in ${B}/authors/`,
  `${B}/articles/many-problems.md:6: tags: "!!!" has no letters or digits; write the tag as a word`,
  `${B}/articles/many-problems.md:7: imageCaption: is only shown with a picture; add image or remove imageCaption`,
  `${B}/articles/many-problems.md:8: draft: must be true or false`,
  `${B}/articles/missing-image.md:6: image: file tests/fixtures/content/public/images/missing.jpg does not exist`,
  `${B}/articles/missing-title.md:1: title: is required; add a headline, e.g. title: "Parliament passes budget"`,
  `${B}/articles/no-categories.md:1: categories: is required; list at least one of: Politics, Government, Security`,
  `${B}/articles/no-front-matter.md:1: front matter: is missing; start the file with a line "---", then the fields (title: …), then another "---"`,
  `${B}/articles/no-zone.md:4: date: "2026-11-02 09:30" has no time zone; add one, e.g. 2026-11-02T09:30:00+04:30`,
  `${B}/articles/unknown-author.md:4: author: unknown author "jdoe"; did you mean "j-doe"? Authors are files in ${B}/authors/`,
  `${B}/articles/unknown-category.md:7: categories: unknown category "Politcs"; did you mean "Politics"?`,
  `${B}/articles/unknown-category.md:8: categories: unknown category "Weather"; use one of: Politics, Government, Security`,
  `${B}/articles/unknown-key.md:1: categories: is required; list at least one of: Politics, Government, Security`,
  `${B}/articles/unknown-key.md:5: catgories: unknown field; did you mean "categories"?`,
  `${B}/articles/updated-before.md:4: updated: is before date (2026-11-02T09:30:00+04:30); an update cannot precede publication`,
  `${B}/articles/yaml-error.md:5: front matter: Flow sequence in block collection must be sufficiently indented and end with a ]`,
  `${B}/articles/2026/a.md:1: file: slug "a" is also used by ${B}/articles/a.md; rename one of them`,
  '28 problems in 20 files',
];

/** The fixed clock of the fixtures: after every article except the scheduled one. */
export const NOW = new Date('2026-11-15T00:00:00Z');

const temporaryDirs: string[] = [];

export const BASE_TREE: Record<string, string> = {
  'categories.yml': [
    '- name: Politics',
    '  description: Parliament, parties and elections.',
    '- name: Government',
    '  description: Ministries and the courts.',
    '- name: Security',
    '  description: Conflict and policing.',
    '',
  ].join('\n'),
  'authors/j-doe.md': '---\nname: Jane Doe\n---\nJane Doe covers parliament.\n',
  'authors/omar-khan.md': '---\nname: Omar Khan\nrole: Editor\n---\nOmar edits the politics desk.\n',
};

/**
 * Writes a content tree into a fresh temporary folder and returns its root,
 * `<tmp>/content`, so problems are reported as `content/…`. `null` removes a
 * file of BASE_TREE; `public/…` paths are written next to the root.
 */
export function writeTree(files: Record<string, string | null>, base: Record<string, string> = BASE_TREE): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-content-'));
  temporaryDirs.push(dir);
  const root = path.join(dir, 'content');
  fs.mkdirSync(path.join(root, 'articles'), { recursive: true });
  for (const [name, text] of Object.entries({ ...base, ...files })) {
    if (text === null) continue;
    const target = name.startsWith('public/') ? path.join(dir, name) : path.join(root, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
  return root;
}

export function removeTrees(): void {
  for (const dir of temporaryDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** An article file from front matter lines and a body. */
export function article(frontMatter: readonly string[], body = 'Body text.'): string {
  return ['---', ...frontMatter, '---', body, ''].join('\n');
}

/** Front matter lines of a valid article, with some fields replaced (`null` drops one). */
export function validFields(overrides: Record<string, string | null> = {}): string[] {
  const fields: Record<string, string | null> = {
    title: 'Parliament passes budget',
    date: '2026-11-02T09:30:00+04:30',
    author: 'j-doe',
    categories: '[Politics]',
    ...overrides,
  };
  return Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([key, value]) => `${key}: ${value}`);
}

export const TINY_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"></svg>';
