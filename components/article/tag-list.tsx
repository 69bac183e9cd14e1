import Link from 'next/link';

import type { Tag } from '@/lib/content';
import { DEFAULT_LOCALE, type Messages } from '@/lib/i18n';
import { tagPath } from '@/lib/routes';

type TagListProps = {
  tags: Tag[];
  lang?: string;
  messages?: Messages;
};

export function TagList({ tags, lang, messages = DEFAULT_LOCALE.messages }: TagListProps) {
  if (tags.length === 0) return null;
  return (
    <div lang={lang} className="mt-10 flex flex-wrap items-baseline gap-x-3 gap-y-2 border-t border-rule pt-4">
      <h2 id="article-tags" className="text-sm font-bold text-muted">
        {messages.article.tags}
      </h2>
      <ul aria-labelledby="article-tags" className="flex flex-wrap gap-2">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link href={tagPath(tag.slug)} className="inline-block rounded-full bg-surface px-3 py-1 text-sm text-ink hover:underline">
              {tag.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
