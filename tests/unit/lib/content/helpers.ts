import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FIXTURES = path.resolve('tests/fixtures/content');
export const VALID_ROOT = path.join(FIXTURES, 'valid');
export const BROKEN_ROOT = path.join(FIXTURES, 'broken');

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
