import Link from 'next/link';
import { Fragment } from 'react';

import type { Author } from '@/lib/content';
import { authorPath } from '@/lib/routes';

type BylineProps = {
  authors: Pick<Author, 'id' | 'name'>[];
};

/** "By A", "By A and B", "By A, B and C", each name linking to the author's page. */
export function Byline({ authors }: BylineProps) {
  if (authors.length === 0) return null;
  return (
    <p className="font-semibold">
      By{' '}
      {authors.map((author, index) => (
        <Fragment key={author.id}>
          {index > 0 ? (index === authors.length - 1 ? ' and ' : ', ') : null}
          <Link href={authorPath(author.id)} rel="author" className="underline-offset-2 hover:underline">
            {author.name}
          </Link>
        </Fragment>
      ))}
    </p>
  );
}
