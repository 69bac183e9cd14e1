import Link from 'next/link';

import type { Category } from '@/lib/content';
import { DEFAULT_LOCALE, type Messages } from '@/lib/i18n';
import { categoryPath } from '@/lib/routes';

type CategoryTagsProps = {
  /** Primary category first, as the data layer orders them. */
  categories: Pick<Category, 'slug' | 'name'>[];
  className?: string;
  messages?: Messages;
};

export function CategoryTags({ categories, className = '', messages = DEFAULT_LOCALE.messages }: CategoryTagsProps) {
  if (categories.length === 0) return null;
  return (
    <ul aria-label={messages.article.categories} className={`flex flex-wrap gap-x-1.5 gap-y-1.5 ${className}`}>
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
            <CategoryName category={category} messages={messages} />
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A section's name in the language; an untranslated one keeps its English name, marked as English. */
export function CategoryName({ category, messages }: { category: Pick<Category, 'slug' | 'name'>; messages: Messages }) {
  const name = messages.categories[category.slug];
  if (name) return <>{name}</>;
  return messages.lang === DEFAULT_LOCALE.messages.lang ? (
    <>{category.name}</>
  ) : (
    <span lang={DEFAULT_LOCALE.messages.lang}>{category.name}</span>
  );
}
