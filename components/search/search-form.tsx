import type { Category } from '@/lib/content';
import { SEARCH_PATH } from '@/lib/routes';
import { QUERY_LIMIT } from '@/lib/search';

type SearchFormProps = {
  q?: string;
  categories?: Pick<Category, 'slug' | 'name'>[];
  category?: string;
  from?: string;
  to?: string;
  /** Distinguishes the ids of two forms on one page. */
  id?: string;
};

const fieldClass = 'min-h-11 border border-ink bg-paper px-3 text-ink';

/** A plain GET form: it works without JavaScript, and its answer is a page with an address a reader can share. */
export function SearchForm({ q = '', categories, category = '', from = '', to = '', id = 'search' }: SearchFormProps) {
  return (
    <form role="search" action={SEARCH_PATH} method="get" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor={`${id}-q`} className="flex min-w-0 flex-1 basis-56 flex-col gap-1 font-semibold">
          Search the site
          <input
            id={`${id}-q`}
            type="search"
            name="q"
            defaultValue={q}
            maxLength={QUERY_LIMIT}
            className={`${fieldClass} w-full font-normal`}
          />
        </label>
        <button type="submit" className="min-h-11 bg-ink px-5 font-semibold text-paper hover:bg-accent">
          Search
        </button>
      </div>
      {categories ? (
        <fieldset className="flex flex-wrap gap-4">
          <legend className="mb-2 text-sm font-semibold">Narrow the results</legend>
          <label className="flex flex-col gap-1 text-sm">
            Section
            <select name="category" defaultValue={category} className={fieldClass}>
              <option value="">All sections</option>
              {categories.map((item) => (
                <option key={item.slug} value={item.slug}>
                  {item.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            From
            <input type="date" name="from" defaultValue={from} className={fieldClass} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            To
            <input type="date" name="to" defaultValue={to} className={fieldClass} />
          </label>
        </fieldset>
      ) : null}
    </form>
  );
}
