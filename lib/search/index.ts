import 'server-only';

import path from 'node:path';

import { getArticle, getContentSnapshot, getLatestArticles, type ArticleSummary, type ContentIndex } from '@/lib/content';
import { env } from '@/lib/env';
import { RESULTS_PER_PAGE, searchTerms, type SearchQuery } from '@/lib/search/query';
import { highlight, snippet, type Highlighted } from '@/lib/search/snippet';
import { openSearchIndex, type SearchIndex, type SyncResult } from '@/lib/search/store';
import { htmlToText } from '@/lib/search/text';

// Site search: the public face of lib/search. The index file follows the
// content this process serves: it is brought up to date on the first search
// after a start, after each publication, and when a scheduled article comes out.

export { editDistance, openSearchIndex } from '@/lib/search/store';
export type { SearchIndex, SyncResult } from '@/lib/search/store';
export { foldWord, indexText, queryTerms, tokenise } from '@/lib/search/analyse';
export { firstParam, matchExpression, PAGE_LIMIT, parseSearchParams, QUERY_LIMIT, RESULTS_PER_PAGE, searchTerms } from '@/lib/search/query';
export type { SearchProblem, SearchQuery, SearchTerm } from '@/lib/search/query';
export { highlight, snippet } from '@/lib/search/snippet';
export type { Highlighted } from '@/lib/search/snippet';
export { htmlToText } from '@/lib/search/text';

type Live = { index?: SearchIndex; syncedFrom?: ContentIndex; syncedAt?: Date };
// Shared through globalThis: the search page and /api/revalidate are bundled apart.
const LIVE = Symbol.for('dateline.search');

function live(): Live {
  const holder = globalThis as typeof globalThis & { [LIVE]?: Live };
  holder[LIVE] ??= {};
  return holder[LIVE];
}

function searchIndex(): SearchIndex {
  const state = live();
  state.index ??= openSearchIndex(path.resolve(/* turbopackIgnore: true */ env.searchIndexFile));
  return state.index;
}

/** Brings the index in step with `content` as of `at`; publications call it with what they published. */
export function syncSearchIndex(content: ContentIndex, at: Date = new Date()): SyncResult {
  const result = searchIndex().sync(content, at);
  Object.assign(live(), { syncedFrom: content, syncedAt: at });
  return result;
}

/** The index, synced first when the content changed or a scheduled article came out since the last sync. */
function currentIndex(now: Date): SearchIndex {
  const state = live();
  const { index: content } = getContentSnapshot();
  const due = state.syncedAt ? content.getNextPublicationTime(state.syncedAt) : null;
  if (state.syncedFrom !== content || (due !== null && due <= now.getTime())) syncSearchIndex(content, now);
  return searchIndex();
}

export type SearchResult = { article: ArticleSummary; title: Highlighted; snippet: Highlighted };

export type SearchAnswer = {
  total: number;
  results: SearchResult[];
  totalPages: number;
  /** A query with misspelt words replaced by indexed ones that find something, when this one finds nothing. */
  suggestion?: string;
};

export function searchArticles(query: SearchQuery, now: Date = new Date()): SearchAnswer {
  const index = currentIndex(now);
  const { total, slugs } = index.search(query, now);
  const results: SearchResult[] = [];
  for (const slug of slugs) {
    const article = getArticle(slug);
    if (!article) continue;
    results.push({
      article,
      title: highlight(article.title, query.terms),
      snippet: snippet(htmlToText(article.html), query.terms),
    });
  }
  const answer: SearchAnswer = { total, results, totalPages: Math.max(1, Math.ceil(total / RESULTS_PER_PAGE)) };
  if (total === 0) {
    const suggestion = suggest(index, query, now);
    if (suggestion) answer.suggestion = suggestion;
  }
  return answer;
}

function suggest(index: SearchIndex, query: SearchQuery, now: Date): string | undefined {
  let changed = false;
  const words = query.terms.map(({ term, prefix }) => {
    if (index.documentsWith(term, prefix) > 0) return term;
    const [close] = index.closeTerms(term);
    if (!close) return term;
    changed = true;
    return close;
  });
  if (!changed) return undefined;
  const text = words.join(' ');
  const terms = searchTerms(text);
  return index.search({ ...query, text, terms, page: 1 }, now).total > 0 ? text : undefined;
}

/** What the no-results page offers instead: the newest stories. */
export function getLatestForEmptySearch(limit = 5): ArticleSummary[] {
  return getLatestArticles(1)?.items.slice(0, limit) ?? [];
}
