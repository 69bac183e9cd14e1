import Link from 'next/link';
import { Fragment } from 'react';

import type { Author } from '@/lib/content';
import { DEFAULT_LOCALE, splitTemplate, type Messages } from '@/lib/i18n';
import { authorPath } from '@/lib/routes';

type BylineProps = {
  authors: Pick<Author, 'id' | 'name'>[];
  messages?: Messages;
};

/** "By A", "By A and B", "By A, B and C", each name linking to the author's page. */
export function Byline({ authors, messages = DEFAULT_LOCALE.messages }: BylineProps) {
  if (authors.length === 0) return null;
  const words = messages.article;
  const [before, after] = splitTemplate(words.byline, 'names');
  return (
    <p className="font-semibold">
      {before}
      {authors.map((author, index) => (
        <Fragment key={author.id}>
          {index > 0 ? (index === authors.length - 1 ? words.and : words.comma) : null}
          <Link href={authorPath(author.id)} rel="author" className="underline-offset-2 hover:underline">
            {author.name}
          </Link>
        </Fragment>
      ))}
      {after}
    </p>
  );
}
