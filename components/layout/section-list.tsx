import Link from 'next/link';

import type { Category } from '@/lib/content';
import { categoryPath } from '@/lib/routes';

type SectionListProps = {
  categories: Pick<Category, 'slug' | 'name'>[];
  /** Classes of the list, its items and its links: the header's row, the footer's and the 404 page's grid. */
  className: string;
  itemClassName?: string;
  linkClassName: string;
};

/** The site's sections, each a link to its archive: one list for the header, the footer and the 404 page. */
export function SectionList({ categories, className, itemClassName, linkClassName }: SectionListProps) {
  return (
    <ul className={className}>
      {categories.map((category) => (
        <li key={category.slug} className={itemClassName}>
          <Link href={categoryPath(category.slug)} className={linkClassName}>
            {category.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
