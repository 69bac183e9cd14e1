import type { Metadata } from 'next';
import Link from 'next/link';

import { DateTime } from '@/components/article/date-time';
import { getRecentCorrections } from '@/lib/content';
import { articlePath, CORRECTIONS_PATH } from '@/lib/routes';
import { absoluteUrl, getSettings } from '@/lib/settings';

// Regenerated on publishing (lib/publishing/changes.ts) and at most every five
// minutes, so a correction dated in the future appears when its time comes.
export const revalidate = 300;

const DESCRIPTION = 'Every correction the newsroom has made to a published article, newest first, with the article it corrects.';

export function generateMetadata(): Metadata {
  const url = absoluteUrl(CORRECTIONS_PATH, getSettings());
  return {
    title: 'Corrections',
    description: DESCRIPTION,
    alternates: { canonical: url },
    openGraph: { type: 'website', url, title: 'Corrections', description: DESCRIPTION, siteName: getSettings().siteName },
  };
}

export default function CorrectionsPage() {
  const corrections = getRecentCorrections();
  return (
    <div className="mx-auto flex max-w-measure flex-col gap-6 px-4 py-12">
      <h1 className="font-serif text-3xl leading-tight font-bold sm:text-4xl">Corrections</h1>
      <p className="text-lg leading-relaxed text-muted">
        When we get something wrong we correct the article and say so at its foot, with the date. These are the latest.
      </p>
      {corrections.length === 0 ? (
        <p>No article has been corrected yet.</p>
      ) : (
        <ol className="flex flex-col gap-6">
          {corrections.map(({ article, correction }) => (
            <li key={`${article.slug}-${correction.date}`} className="border-t border-rule pt-4">
              <p className="text-sm text-muted">
                <DateTime iso={correction.date} withTime />
              </p>
              <h2 lang={article.lang} dir={article.dir} className="font-serif text-xl leading-snug font-bold">
                <Link href={articlePath(article.slug)} className="hover:underline">
                  {article.title}
                </Link>
              </h2>
              <p lang={article.lang} dir={article.dir} className="leading-relaxed">
                {correction.text}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
