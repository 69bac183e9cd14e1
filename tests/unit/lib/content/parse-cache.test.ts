import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { loadContent } from '@/lib/content';

import { NOW, article, removeTrees, validFields, writeTree } from './helpers';

const cacheDirs: string[] = [];
afterAll(() => {
  removeTrees();
  for (const dir of cacheDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function newCacheDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-parse-cache-'));
  cacheDirs.push(dir);
  return dir;
}

/** Moves a file's modification time into the past, as for a file last changed long before the load. */
function age(file: string): void {
  const past = new Date(Date.now() - 60_000);
  fs.utimesSync(file, past, past);
}

function treeOf(count: number): string {
  const files: Record<string, string> = {};
  for (let index = 1; index <= count; index += 1) {
    files[`articles/story-${index}.md`] = article(
      validFields({ title: `Story ${index}`, date: `2026-11-${String(index).padStart(2, '0')}T09:30:00+04:30` }),
      `## Part ${index}\n\nThe *first* paragraph of story ${index}, with [a link](https://example.org).`,
    );
  }
  const root = writeTree(files);
  for (let index = 1; index <= count; index += 1) age(path.join(root, 'articles', `story-${index}.md`));
  return root;
}

describe('the parse cache', () => {
  it('parses each article once, then reuses every unchanged one on the next load', () => {
    const root = treeOf(5);
    const cacheDir = newCacheDir();
    expect(loadContent(root, { cacheDir }).stats).toEqual({ parsed: 5, reused: 0 });
    const again = loadContent(root, { cacheDir });
    expect(again.stats).toEqual({ parsed: 0, reused: 5 });
    expect(again.index.getArticle('story-3', NOW)).toMatchObject({
      title: 'Story 3',
      excerpt: 'The first paragraph of story 3, with a link.',
      wordCount: 11,
      html: expect.stringContaining('<h2 id="part-3">Part 3</h2>'),
    });
  });

  it('re-parses exactly the article that changed, and serves its new text', () => {
    const root = treeOf(5);
    const cacheDir = newCacheDir();
    loadContent(root, { cacheDir });
    fs.writeFileSync(path.join(root, 'articles', 'story-2.md'), article(validFields({ title: 'Story 2, corrected' }), 'New body.'));
    const after = loadContent(root, { cacheDir });
    expect(after.stats).toEqual({ parsed: 1, reused: 4 });
    expect(after.index.getArticle('story-2', NOW)).toMatchObject({ title: 'Story 2, corrected', html: '<p>New body.</p>' });
  });

  it('does not read a file again while its size and modification time are unchanged', () => {
    const root = treeOf(2);
    const cacheDir = newCacheDir();
    loadContent(root, { cacheDir });
    const file = path.join(root, 'articles', 'story-1.md');
    const { mtime } = fs.statSync(file);
    // Same size, same time: only reading the file could notice the new title.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Story 1', 'Story X'));
    fs.utimesSync(file, mtime, mtime);
    const stamped = loadContent(root, { cacheDir });
    expect(stamped.stats).toEqual({ parsed: 0, reused: 2 });
    expect(stamped.index.getArticle('story-1', NOW)?.title).toBe('Story 1');

    const now = new Date();
    fs.utimesSync(file, now, now);
    const changed = loadContent(root, { cacheDir });
    expect(changed.stats).toEqual({ parsed: 1, reused: 1 });
    expect(changed.index.getArticle('story-1', NOW)?.title).toBe('Story X');
  });

  it('checks again an article whose authors or categories changed, from the cache', () => {
    const root = treeOf(2);
    const cacheDir = newCacheDir();
    loadContent(root, { cacheDir });
    fs.rmSync(path.join(root, 'authors', 'j-doe.md'));
    const { problems, stats } = loadContent(root, { cacheDir });
    expect(stats.parsed).toBe(0);
    expect(problems.map((problem) => `${problem.file}:${problem.line}: ${problem.field}`)).toEqual([
      'content/articles/story-1.md:4: author',
      'content/articles/story-2.md:4: author',
    ]);
  });

  it('forgets deleted articles and starts over from a damaged cache', () => {
    const root = treeOf(3);
    const cacheDir = newCacheDir();
    loadContent(root, { cacheDir });
    fs.rmSync(path.join(root, 'articles', 'story-3.md'));
    expect(loadContent(root, { cacheDir }).index.getArticle('story-3', NOW)).toBeNull();
    const [folder] = fs.readdirSync(cacheDir);
    const bodies = fs.readdirSync(path.join(cacheDir, folder ?? '', 'bodies'), { recursive: true }).filter((name) => String(name).endsWith('.html'));
    expect(bodies).toHaveLength(2);

    fs.writeFileSync(path.join(cacheDir, folder ?? '', 'articles.json'), '{"format": "dateline-parse-cache-1", "entr');
    const fresh = loadContent(root, { cacheDir });
    expect(fresh.problems).toEqual([]);
    expect(fresh.stats).toEqual({ parsed: 2, reused: 0 });
  });

  it('renders a body again when its HTML file is gone', () => {
    const root = treeOf(1);
    const cacheDir = newCacheDir();
    loadContent(root, { cacheDir });
    const [folder] = fs.readdirSync(cacheDir);
    fs.rmSync(path.join(cacheDir, folder ?? '', 'bodies'), { recursive: true });
    expect(loadContent(root, { cacheDir }).index.getArticle('story-1', NOW)?.html).toContain('<h2 id="part-1">Part 1</h2>');
  });

  it('is filled by several part loads together, each parsing its share, for the full load to reuse', () => {
    const root = treeOf(5);
    const cacheDir = newCacheDir();
    expect(loadContent(root, { cacheDir, part: { index: 0, count: 2 } }).stats).toEqual({ parsed: 3, reused: 0 });
    expect(loadContent(root, { cacheDir, part: { index: 1, count: 2 } }).stats).toEqual({ parsed: 2, reused: 0 });
    const full = loadContent(root, { cacheDir });
    expect(full.stats).toEqual({ parsed: 0, reused: 5 });
    expect(full.index.getPublishedSlugs(NOW)).toHaveLength(5);
    const [folder] = fs.readdirSync(cacheDir);
    expect(fs.readdirSync(path.join(cacheDir, folder ?? '')).sort()).toEqual(['articles.json', 'bodies']);
  });

  it('keeps one cache per content folder', () => {
    const cacheDir = newCacheDir();
    const first = treeOf(2);
    const second = treeOf(2);
    loadContent(first, { cacheDir });
    loadContent(second, { cacheDir });
    expect(loadContent(first, { cacheDir }).stats).toEqual({ parsed: 0, reused: 2 });
    expect(loadContent(second, { cacheDir }).stats).toEqual({ parsed: 0, reused: 2 });
    expect(fs.readdirSync(cacheDir)).toHaveLength(2);
  });
});
