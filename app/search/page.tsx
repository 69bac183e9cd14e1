import type { Metadata } from 'next';
import Link from 'next/link';

import { SearchForm } from '@/components/search/search-form';
import { SearchResults } from '@/components/search/search-results';
import { getCategories } from '@/lib/content';
import { articlePath, searchPath } from '@/lib/routes';
import {
  firstParam,
  getLatestForEmptySearch,
  parseSearchParams,
  QUERY_LIMIT,
  RESULTS_PER_PAGE,
  searchArticles,
  type SearchProblem,
} from '@/lib/search';

// Rendered for each request (it reads the query string); Next.js sends it
// `private, no-store`, so no shared cache keeps a results page.

type Params = Record<string, string | string[] | undefined>;
type SearchPageProps = { searchParams: Promise<Params> };

export async function generateMetadata({ searchParams }: SearchPageProps): Promise<Metadata> {
  const q = firstParam((await searchParams).q).slice(0, QUERY_LIMIT);
  return { title: q ? `Search: ${q}` : 'Search', robots: { index: false, follow: true } };
}

function problemSentence(problem: SearchProblem): string {
  switch (problem.code) {
    case 'too-long':
      return `Your search is ${problem.length} characters long; searches can be at most ${QUERY_LIMIT}. Shorten it to the words that matter most.`;
    case 'bad-date':
      return `The “${problem.field === 'from' ? 'From' : 'To'}” date must be a date such as 2026-11-02.`;
    case 'dates-reversed':
      return 'The “From” date is after the “To” date: swap them to search between them.';
    case 'bad-page':
      return 'That results page does not exist: results are numbered from page 1 to page 50.';
  }
}

const count = (total: number) => `${total.toLocaleString('en')} ${total === 1 ? 'result' : 'results'}`;

export default async function SearchPage({ searchParams }: SearchPageProps) {
  const params = await searchParams;
  const categories = getCategories();
  const parsed = parseSearchParams(params);
  const known = parsed.ok && (!parsed.query.category || categories.some((item) => item.slug === parsed.query.category));
  const query = parsed.ok ? parsed.query : undefined;
  const answer = query && known && query.terms.length > 0 ? searchArticles(query) : undefined;
  const form = { q: parsed.ok ? parsed.query.text : parsed.text, category: query?.category, from: query?.from, to: query?.to };

  return (
    <div className="mx-auto flex max-w-measure flex-col gap-8 px-4 py-12">
      <h1 className="font-serif text-3xl leading-tight font-bold sm:text-4xl">
        {query?.text ? <>Search results for “{query.text}”</> : 'Search'}
      </h1>
      <SearchForm {...form} categories={categories} />
      <div id="search-status" role="status" className="flex flex-col gap-2">
        {!parsed.ok ? <p className="font-semibold text-accent">{problemSentence(parsed.problem)}</p> : null}
        {parsed.ok && !known ? (
          <p className="font-semibold text-accent">There is no section “{query?.category}”: choose one from the list.</p>
        ) : null}
        {query && known && query.text !== '' && query.terms.length === 0 ? (
          <p>Your search has no letters or digits to look for: type a word from the story you want.</p>
        ) : null}
        {answer && answer.total > 0 ? (
          <p>
            {count(answer.total)}
            {answer.totalPages > 1 ? `, page ${query?.page ?? 1} of ${answer.totalPages}` : ''}
          </p>
        ) : null}
        {answer && answer.total === 0 ? <p>No article matches “{query?.text}”.</p> : null}
        {answer?.suggestion ? (
          <p>
            Did you mean{' '}
            <Link href={searchPath({ ...form, q: answer.suggestion })} className="font-semibold text-link underline">
              {answer.suggestion}
            </Link>
            ?
          </p>
        ) : null}
      </div>
      {answer && query && answer.results.length > 0 ? (
        <SearchResults results={answer.results} start={(query.page - 1) * RESULTS_PER_PAGE + 1} />
      ) : null}
      {answer && query && answer.totalPages > 1 ? (
        <nav aria-label="Pagination" className="flex justify-between gap-4 border-t border-rule pt-6">
          {query.page > 1 ? (
            <Link href={searchPath({ ...form, q: query.text, page: query.page - 1 })} rel="prev" className="font-semibold underline">
              ← Previous results
            </Link>
          ) : (
            <span />
          )}
          {query.page < answer.totalPages ? (
            <Link href={searchPath({ ...form, q: query.text, page: query.page + 1 })} rel="next" className="font-semibold underline">
              More results →
            </Link>
          ) : null}
        </nav>
      ) : null}
      {answer && answer.total === 0 ? <LatestStories /> : null}
    </div>
  );
}

function LatestStories() {
  const latest = getLatestForEmptySearch();
  if (latest.length === 0) return null;
  return (
    <section aria-labelledby="search-latest" className="flex flex-col gap-3">
      <h2 id="search-latest" className="font-serif text-xl font-bold">
        The latest stories
      </h2>
      <ul className="flex list-disc flex-col gap-2 ps-5">
        {latest.map((article) => (
          <li key={article.slug} lang={article.lang} dir={article.dir}>
            <Link href={articlePath(article.slug)} className="text-link underline underline-offset-2">
              {article.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
