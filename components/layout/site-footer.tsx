import Link from 'next/link';

import { SectionList } from '@/components/layout/section-list';
import type { Category } from '@/lib/content';
import { CORRECTIONS_PATH, HOME_PATH } from '@/lib/routes';

type SiteFooterProps = {
  siteName: string;
  description: string;
  categories: Pick<Category, 'slug' | 'name'>[];
};

export function SiteFooter({ siteName, description, categories }: SiteFooterProps) {
  return (
    <footer className="mt-16 border-t-4 border-double border-rule bg-surface print:hidden">
      <div className="mx-auto grid max-w-page gap-8 px-4 py-10 md:grid-cols-3">
        <div className="flex flex-col gap-2">
          <Link href={HOME_PATH} className="font-serif text-2xl font-black text-ink">
            {siteName}
          </Link>
          <p className="text-sm leading-relaxed text-muted">{description}</p>
          <p className="text-sm">
            <Link href={CORRECTIONS_PATH} prefetch={false} className="text-ink underline">
              Corrections
            </Link>
          </p>
        </div>
        {categories.length > 0 ? (
          <nav aria-label="All sections" className="md:col-span-2">
            <h2 className="mb-3 text-xs font-bold tracking-wider text-muted uppercase">Sections</h2>
            <SectionList
              categories={categories}
              className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-3"
              linkClassName="text-sm text-ink hover:underline"
            />
          </nav>
        ) : null}
      </div>
      <p className="border-t border-rule px-4 py-4 text-center text-xs text-muted">© {siteName}. All rights reserved.</p>
    </footer>
  );
}
