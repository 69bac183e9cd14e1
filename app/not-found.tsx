import type { Metadata } from 'next';
import Link from 'next/link';

import { SectionList } from '@/components/layout/section-list';
import { SearchForm } from '@/components/search/search-form';
import { getCategories } from '@/lib/content';
import { HOME_PATH } from '@/lib/routes';

export const metadata: Metadata = {
  // Next.js marks not-found pages noindex itself.
  title: 'Page not found',
};

export default function NotFound() {
  const categories = getCategories();
  return (
    <div className="mx-auto flex max-w-measure flex-col gap-6 px-4 py-12">
      <p className="text-xs font-bold tracking-wider text-accent uppercase">Error 404</p>
      <h1 className="font-serif text-3xl leading-tight font-bold sm:text-4xl">We couldn’t find that page</h1>
      <p className="text-lg leading-relaxed text-muted">
        The article or page may have moved, or the address may be mistyped. Search for it, try the front page for the latest news, or browse
        a section below.
      </p>
      <SearchForm id="not-found-search" />
      <p>
        <Link href={HOME_PATH} className="inline-flex min-h-11 items-center bg-ink px-5 font-semibold text-paper hover:bg-accent">
          Go to the front page
        </Link>
      </p>
      {categories.length > 0 ? (
        <nav aria-labelledby="not-found-sections">
          <h2 id="not-found-sections" className="mb-3 font-serif text-xl font-bold">
            Sections
          </h2>
          <SectionList
            categories={categories}
            className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-3"
            linkClassName="text-link underline underline-offset-2"
          />
        </nav>
      ) : null}
    </div>
  );
}
