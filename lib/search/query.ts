import { queryTerms } from '@/lib/search/analyse';

// A reader's search as the page receives it (?q=&category=&from=&to=&page=),
// checked once here. What a reader types is always words: quotes, *, NEAR,
// -, column filters and parentheses are cut away by the tokeniser, and each
// word is quoted for FTS5, so nothing in `q` is ever query syntax.

export const QUERY_LIMIT = 200;
/** Words past this many add little and cost a join each. */
export const TERM_LIMIT = 12;
export const RESULTS_PER_PAGE = 10;
/** Deep pages of a search are for crawlers, which are told not to index it: 50 pages is 500 results. */
export const PAGE_LIMIT = 50;

export type SearchTerm = { term: string; prefix: boolean };

export type SearchQuery = {
  /** The words as the reader typed them, trimmed. */
  text: string;
  terms: SearchTerm[];
  category?: string;
  /** Inclusive dates (YYYY-MM-DD) in UTC. */
  from?: string;
  to?: string;
  page: number;
};

export type SearchProblem =
  { code: 'too-long'; length: number } | { code: 'bad-date'; field: 'from' | 'to' } | { code: 'dates-reversed' } | { code: 'bad-page' };

type Params = Record<string, string | string[] | undefined>;

/** A parameter's first value, trimmed: `?q=a&q=b` searches for `a`. */
export function firstParam(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string): boolean {
  return (
    DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
  );
}

// Words of three letters or more also find their longer forms
// ("election" finds "elections", "انتخاب" finds "انتخابات").
const PREFIX_FROM = 3;

export function searchTerms(text: string): SearchTerm[] {
  const terms = [...new Set(queryTerms(text))].slice(0, TERM_LIMIT);
  return terms.map((term) => ({ term, prefix: [...term].length >= PREFIX_FROM }));
}

/** The page's query, or what is wrong with it; an unknown category is left to the caller, which knows them. */
export function parseSearchParams(params: Params): { ok: true; query: SearchQuery } | { ok: false; problem: SearchProblem; text: string } {
  const text = firstParam(params.q);
  if ([...text].length > QUERY_LIMIT) return { ok: false, problem: { code: 'too-long', length: [...text].length }, text: '' };
  const from = firstParam(params.from);
  const to = firstParam(params.to);
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== '' && !isDate(value)) return { ok: false, problem: { code: 'bad-date', field }, text };
  }
  if (from !== '' && to !== '' && from > to) return { ok: false, problem: { code: 'dates-reversed' }, text };
  const pageText = firstParam(params.page);
  const page = pageText === '' ? 1 : /^\d{1,3}$/.test(pageText) ? Number(pageText) : Number.NaN;
  if (!(page >= 1 && page <= PAGE_LIMIT)) return { ok: false, problem: { code: 'bad-page' }, text };
  const category = firstParam(params.category);
  return {
    ok: true,
    query: {
      text,
      terms: searchTerms(text),
      ...(category ? { category } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      page,
    },
  };
}

/** The FTS5 MATCH expression: every word must appear; each is a quoted string, so none is an operator. */
export function matchExpression(terms: SearchTerm[]): string {
  return terms.map(({ term, prefix }) => `"${term.replaceAll('"', '""')}"${prefix ? '*' : ''}`).join(' ');
}
