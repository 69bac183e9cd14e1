import Link from 'next/link';

import type { ArticleSummary } from '@/lib/content';
import { articlePath } from '@/lib/routes';

type TranslationLinksProps = {
  /** The story's other versions, each in its own language. */
  translations: Pick<ArticleSummary, 'slug' | 'lang' | 'dir' | 'title'>[];
  /** The label's language inside an article in another one (see ui-lang.ts). */
  lang?: string;
  label?: string;
};

/** Each language named in itself, as readers of it look for it ("دری", "پښتو"). */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** "Also in: دری · پښتو": the other versions of the story, linked. */
export function TranslationLinks({ translations, lang, label = 'Also in' }: TranslationLinksProps) {
  if (translations.length === 0) return null;
  return (
    <nav aria-label={label} className="text-sm print:hidden">
      <span lang={lang} className="me-2 font-semibold text-muted">
        {label}:
      </span>
      {translations.map((version, index) => (
        <span key={version.slug}>
          {index > 0 ? <span aria-hidden="true"> · </span> : null}
          <Link
            href={articlePath(version.slug)}
            hrefLang={version.lang}
            lang={version.lang}
            dir={version.dir}
            title={version.title}
            prefetch={false}
            className="font-semibold"
          >
            {languageName(version.lang)}
          </Link>
        </span>
      ))}
    </nav>
  );
}
