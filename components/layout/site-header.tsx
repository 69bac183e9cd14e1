import Link from 'next/link';

import { SectionList } from '@/components/layout/section-list';
import type { Category } from '@/lib/content';
import { HOME_PATH } from '@/lib/routes';

type SiteHeaderProps = {
  siteName: string;
  tagline: string;
  categories: Pick<Category, 'slug' | 'name'>[];
};

// id="top" is the target of the back-to-top link; tabIndex lets it take focus.
export function SiteHeader({ siteName, tagline, categories }: SiteHeaderProps) {
  return (
    <header id="top" tabIndex={-1} className="border-b border-rule outline-none print:hidden">
      <div className="mx-auto flex max-w-page flex-col items-center gap-1 px-4 pt-6 pb-4 text-center sm:pt-8">
        <Link href={HOME_PATH} className="font-serif text-4xl leading-none font-black tracking-tight text-ink sm:text-6xl">
          {siteName}
        </Link>
        <p className="text-sm text-muted italic">{tagline}</p>
      </div>
      {categories.length > 0 ? (
        <nav aria-label="Sections" className="border-t-4 border-double border-rule">
          {/* On narrow screens the row scrolls sideways inside itself, never the page. */}
          <SectionList
            categories={categories}
            className="mx-auto flex max-w-page gap-x-5 overflow-x-auto px-4 py-2.5 whitespace-nowrap [scrollbar-width:thin] sm:flex-wrap sm:justify-center sm:overflow-visible sm:whitespace-normal"
            itemClassName="shrink-0"
            linkClassName="text-sm font-semibold tracking-wide text-ink uppercase hover:text-accent hover:underline"
          />
        </nav>
      ) : null}
    </header>
  );
}
