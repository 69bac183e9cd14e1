// How text becomes search terms, the same for what is indexed and what a
// reader types: the index and the query can only meet if both are cut and
// folded alike. SQLite's own tokenizer then splits on the spaces left here.

/** Zero-width non-joiner: inside Persian and Pashto words ("می‌خواهم"), where readers may type it, a space or nothing. */
const ZWNJ = '\u200c';

// Letters written several ways across Arabic-script keyboards, folded to the
// form Dari, Pashto and Urdu text uses: Arabic yeh and alef maksura to Farsi
// yeh, Arabic kaf to keheh, teh marbuta, ae and heh goal to heh. Hamza and
// madda come off with the other diacritics (NFKD below), so أ إ آ read as ا.
const FOLDS: Record<string, string> = {
  '\u064a': '\u06cc',
  '\u0649': '\u06cc',
  '\u0643': '\u06a9',
  '\u0629': '\u0647',
  '\u06d5': '\u0647',
  '\u06c1': '\u0647',
  '\u0671': '\u0627',
};
const FOLD_PATTERN = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');

/** Arabic-Indic and Persian digits read as the digits readers may type instead. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf));
}

/** Longer runs are not words (a pasted address, a hash) and would only bloat the index. */
const MAX_TERM_LENGTH = 48;

/**
 * Folds one word as the index keeps it: compatibility forms, case, every
 * nonspacing mark (Latin accents, Arabic harakat, hamza and madda), tatweel
 * and the folds above. Apostrophes inside a word go ("Pakistan's" → "pakistans").
 */
export function foldWord(word: string): string {
  return asciiDigits(word)
    .normalize('NFKD')
    .replace(/\p{Mn}|\u0640|['\u2019]/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(FOLD_PATTERN, (letter) => FOLDS[letter] ?? letter);
}

/** A run of letters, digits and marks, with the joiners and apostrophes that stay inside words. */
const WORD = /[\p{L}\p{N}\p{M}\u0640\u200c\u200d'\u2019]+/gu;

export type Token = {
  /** The folded terms this word is indexed under: the whole word, and its parts when a ZWNJ joins them. */
  terms: string[];
  /** Where the word is in the text, for highlighting. */
  start: number;
  end: number;
};

function clean(term: string): string {
  // A joiner or apostrophe at a word's edge is not part of it.
  return term.replace(/^[\u200c\u200d'\u2019]+|[\u200c\u200d'\u2019]+$/g, '');
}

/** Every word of `text`, in order, with its terms and place. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = clean(match[0]);
    if (word === '') continue;
    const whole = foldWord(word.replaceAll(ZWNJ, '').replaceAll('\u200d', ''));
    const terms = new Set<string>();
    if (/[\p{L}\p{N}]/u.test(whole) && whole.length <= MAX_TERM_LENGTH) terms.add(whole);
    // "می‌خواهم" is found as "میخواهم" and as "می خواهم".
    if (word.includes(ZWNJ)) {
      for (const part of word.split(ZWNJ)) {
        const folded = foldWord(part);
        if (/[\p{L}\p{N}]/u.test(folded) && folded.length <= MAX_TERM_LENGTH) terms.add(folded);
      }
    }
    if (terms.size === 0) continue;
    const start = (match.index ?? 0) + match[0].indexOf(word);
    tokens.push({ terms: [...terms], start, end: start + word.length });
  }
  return tokens;
}

/** The text as the index stores it: its terms, separated by spaces. */
export function indexText(text: string): string {
  return tokenise(text)
    .flatMap((token) => token.terms)
    .join(' ');
}

/** A query's words: a ZWNJ word is one term, as a reader meant it. */
export function queryTerms(text: string): string[] {
  return tokenise(text).map((token) => token.terms[0] ?? '');
}
