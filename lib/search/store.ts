import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';

import type { ContentIndex } from '@/lib/content';
import { indexText } from '@/lib/search/analyse';
import { matchExpression, RESULTS_PER_PAGE, type SearchQuery } from '@/lib/search/query';
import { htmlToText } from '@/lib/search/text';

// The full-text index: a SQLite file under the cache folder, a copy of the
// published articles that can be rebuilt from them at any time, so a file of
// another version, or a damaged one, is simply built again.

const VERSION = 1;

const SCHEMA = `
CREATE TABLE docs (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  version TEXT NOT NULL,
  published INTEGER NOT NULL
);
CREATE INDEX docs_published ON docs (published);
CREATE TABLE doc_categories (category TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (category, id)) WITHOUT ROWID;
CREATE VIRTUAL TABLE articles USING fts5(
  title, excerpt, body, tags, authors, source,
  content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE terms USING fts5vocab(articles, 'row');
`;

// Relevance first (a word in the headline or the tags counts most); the
// recency boost then doubles the weight of a story published today, and
// fades to nothing over some months.
const WEIGHTS = 'bm25(articles, 10.0, 4.0, 1.0, 6.0, 3.0, 2.0)';
const BOOST_MS = 30 * 24 * 3_600_000;

export type SearchHits = { total: number; slugs: string[] };

export type SyncResult = { added: number; updated: number; removed: number };

function open(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  if (db.pragma('user_version', { simple: true }) !== VERSION) {
    db.exec('DROP TABLE IF EXISTS terms; DROP TABLE IF EXISTS articles; DROP TABLE IF EXISTS doc_categories; DROP TABLE IF EXISTS docs;');
    db.exec(SCHEMA);
    db.pragma(`user_version = ${VERSION}`);
  }
  return db;
}

export type SearchIndex = ReturnType<typeof openSearchIndex>;

/** Opens (creating or rebuilding when needed) the index file at `file`. */
export function openSearchIndex(file: string) {
  let db: Database.Database;
  try {
    db = open(file);
  } catch {
    // Not a database, or one from elsewhere: the index is a cache, so it starts again.
    fs.rmSync(file, { force: true });
    db = open(file);
  }
  const statements = {
    versions: db.prepare<[], { id: number; slug: string; version: string }>('SELECT id, slug, version FROM docs'),
    insertDoc: db.prepare('INSERT INTO docs (slug, version, published) VALUES (?, ?, ?)'),
    deleteDoc: db.prepare('DELETE FROM docs WHERE id = ?'),
    insertCategory: db.prepare('INSERT INTO doc_categories (category, id) VALUES (?, ?)'),
    deleteCategories: db.prepare('DELETE FROM doc_categories WHERE id = ?'),
    insertText: db.prepare('INSERT INTO articles (rowid, title, excerpt, body, tags, authors, source) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    deleteText: db.prepare('DELETE FROM articles WHERE rowid = ?'),
    termDocs: db.prepare<[string], { docs: number | null }>('SELECT sum(doc) AS docs FROM terms WHERE term = ?'),
    prefixDocs: db.prepare<[string, string], { docs: number | null }>('SELECT max(doc) AS docs FROM terms WHERE term >= ? AND term < ?'),
    candidates: db.prepare<[string, string], { term: string; doc: number }>('SELECT term, doc FROM terms WHERE term >= ? AND term < ?'),
  };

  const remove = (id: number) => {
    statements.deleteText.run(id);
    statements.deleteCategories.run(id);
    statements.deleteDoc.run(id);
  };

  const add = (index: ContentIndex, slug: string, version: string, at: Date) => {
    const article = index.getArticle(slug, at);
    if (!article) return;
    const id = Number(statements.insertDoc.run(slug, version, Date.parse(article.date)).lastInsertRowid);
    for (const category of new Set(article.categories.map((item) => item.slug))) statements.insertCategory.run(category, id);
    statements.insertText.run(
      id,
      indexText(article.title),
      indexText(article.excerpt),
      indexText(htmlToText(article.html)),
      indexText(article.tags.map((tag) => tag.name).join(' ')),
      indexText(article.authors.map((author) => author.name).join(' ')),
      indexText(article.source ?? ''),
    );
  };

  /**
   * Makes the index hold exactly the articles published in `index` at `at`:
   * new ones added, changed ones replaced, withdrawn ones (drafts, deleted
   * files, dates moved ahead, removed articles) taken out. One transaction:
   * a search sees the index before or after, never half of it.
   */
  const sync = (index: ContentIndex, at: Date): SyncResult => {
    const wanted = index.getPublishedVersions(at);
    const result: SyncResult = { added: 0, updated: 0, removed: 0 };
    db.transaction(() => {
      const present = new Set<string>();
      const replaced = new Set<string>();
      for (const { id, slug, version } of statements.versions.all()) {
        const current = wanted.get(slug);
        if (current === version) present.add(slug);
        else {
          remove(id);
          if (current === undefined) result.removed += 1;
          else replaced.add(slug);
        }
      }
      for (const [slug, version] of wanted) {
        if (present.has(slug)) continue;
        add(index, slug, version, at);
        if (replaced.has(slug)) result.updated += 1;
        else result.added += 1;
      }
    })();
    return result;
  };

  const search = (query: SearchQuery, now: Date): SearchHits => {
    if (query.terms.length === 0) return { total: 0, slugs: [] };
    const filters: string[] = ['d.published <= @now'];
    const values: Record<string, string | number> = { match: matchExpression(query.terms), now: now.getTime() };
    if (query.from) {
      filters.push('d.published >= @from');
      values.from = Date.parse(`${query.from}T00:00:00Z`);
    }
    if (query.to) {
      filters.push('d.published < @to');
      values.to = Date.parse(`${query.to}T00:00:00Z`) + 86_400_000;
    }
    if (query.category) {
      filters.push('EXISTS (SELECT 1 FROM doc_categories c WHERE c.category = @category AND c.id = d.id)');
      values.category = query.category;
    }
    const from = `FROM articles JOIN docs d ON d.id = articles.rowid WHERE articles MATCH @match AND ${filters.join(' AND ')}`;
    const total = (db.prepare(`SELECT count(*) AS total ${from}`).get(values) as { total: number }).total;
    if (total === 0) return { total, slugs: [] };
    const rows = db
      .prepare(
        `SELECT d.slug AS slug ${from} ORDER BY ${WEIGHTS} * (1.0 + 1.0 / (1.0 + max(0, @now - d.published) / ${BOOST_MS}.0)) LIMIT @limit OFFSET @offset`,
      )
      .all({ ...values, limit: RESULTS_PER_PAGE, offset: (query.page - 1) * RESULTS_PER_PAGE }) as Array<{ slug: string }>;
    return { total, slugs: rows.map((row) => row.slug) };
  };

  /** How many articles hold `term` (or a word it begins, for a prefix). */
  const documentsWith = (term: string, prefix: boolean): number => {
    const row = prefix ? statements.prefixDocs.get(term, `${term}\u{10ffff}`) : statements.termDocs.get(term);
    return row?.docs ?? 0;
  };

  /** Indexed words close to `term` (one or two letters off), the most common first. */
  const closeTerms = (term: string): string[] => {
    const first = [...term][0];
    if (!first) return [];
    const limit = [...term].length <= 4 ? 1 : 2;
    return statements.candidates
      .all(first, `${first}\u{10ffff}`)
      .map((row) => ({ ...row, distance: editDistance(term, row.term, limit) }))
      .filter((row) => row.distance <= limit && row.term !== term)
      .sort((a, b) => a.distance - b.distance || b.doc - a.doc)
      .slice(0, 3)
      .map((row) => row.term);
  };

  return { sync, search, documentsWith, closeTerms, close: () => db.close() };
}

/** Levenshtein distance with adjacent swaps, giving up (limit + 1) once past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, index) => index);
  for (let i = 1; i <= x.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous2 = previous;
    previous = row;
  }
  return previous[y.length] ?? limit + 1;
}
