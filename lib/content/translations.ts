import 'server-only';

import { closestMatch, type ContentProblem } from '@/lib/content/problems';

// Translations: an article in another language names the original with
// `translationOf: <slug>`; the original names none. Every version of a story
// is then one group (the original and its translations), one article per
// language, each linking the others and declaring them as hreflang
// alternates.

/** One article's `translationOf`, drafts included, with where it is written. */
export type TranslationSource = { slug: string; of: string; lang: string; file: string; line: number };

type CheckInput = {
  /** Every article file's slug → its file (drafts included). */
  slugFiles: ReadonlyMap<string, string>;
  /** Every valid article's language (drafts included). */
  langs: ReadonlyMap<string, string>;
  translations: readonly TranslationSource[];
};

/** Checks every `translationOf` against the files; returns the original of each translated slug that holds. */
export function checkTranslations(input: CheckInput, problems: ContentProblem[]): Map<string, string> {
  const originalOf = new Map(input.translations.map((source) => [source.slug, source.of]));
  const accepted = new Map<string, string>();
  // The language each group already has, and which file gave it.
  const seen = new Map<string, Map<string, string>>();
  for (const source of input.translations) {
    const { slug, of, file, line } = source;
    const problem = (message: string) => problems.push({ file, line, field: 'translationOf', message });
    const target = input.slugFiles.get(of);
    if (of === slug) {
      problem(`"${of}" is this article's own slug; name the original it translates`);
    } else if (target === undefined) {
      const guess = closestMatch(of, [...input.slugFiles.keys()]);
      problem(`"${of}" is not an article; ${guess ? `did you mean "${guess}"?` : 'use the slug (file name) of the original'}`);
    } else if (originalOf.get(of) === slug) {
      problem(`"${of}" names this article as its original too (${target}); only the translation names the other, the original names none`);
    } else if (originalOf.has(of)) {
      problem(`"${of}" is itself a translation of "${originalOf.get(of)}"; name the original: translationOf: ${originalOf.get(of)}`);
    } else {
      const group = seen.get(of) ?? new Map([[input.langs.get(of) ?? '', target]]);
      seen.set(of, group);
      const same = group.get(source.lang);
      if (same !== undefined) {
        problem(`${same} is already the ${source.lang} version of "${of}"; a story has one version per language (set lang, or link another original)`);
      } else {
        group.set(source.lang, file);
        accepted.set(slug, of);
      }
    }
  }
  return accepted;
}
