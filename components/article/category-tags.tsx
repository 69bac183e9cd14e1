import Link from 'next/link';

import type { Category } from '@/lib/content';
import { categoryPath } from '@/lib/routes';

type CategoryTagsProps = {
  /** Primary category first, as the data layer orders them. */
  categories: Pick<Category, 'slug' | 'name'>[];
  className?: string;
};

export function CategoryTags({ categories, className = '' }: CategoryTagsProps) {
  if (categories.length === 0) return null;
  return (
    <ul aria-label="Categories" className={`flex flex-wrap gap-x-1.5 gap-y-1.5 ${className}`}>
      {categories.map((category, index) => (
        <li key={category.slug}>
          <Link
            href={categoryPath(category.slug)}
            className={
              index === 0
                ? 'inline-block bg-accent px-2 py-0.5 text-xs font-bold tracking-wider text-paper uppercase hover:underline'
                : 'inline-block border border-rule px-2 py-0.5 text-xs font-semibold tracking-wider text-muted uppercase hover:border-ink hover:text-ink'
            }
          >
            {category.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
