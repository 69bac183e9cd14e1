import { tokenise } from '@/lib/search/analyse';
import type { SearchTerm } from '@/lib/search/query';

/** A piece of text, marked where it holds a word the reader searched for. */
export type Highlighted = Array<{ text: string; match: boolean }>;

function matcher(terms: SearchTerm[]): (candidates: string[]) => string | null {
  return (candidates) => {
    for (const { term, prefix } of terms) {
      if (candidates.some((candidate) => (prefix ? candidate.startsWith(term) : candidate === term))) return term;
    }
    return null;
  };
}

/** `text` whole, with every searched word marked. */
export function highlight(text: string, terms: SearchTerm[]): Highlighted {
  const matches = matcher(terms);
  const parts: Highlighted = [];
  let at = 0;
  for (const token of tokenise(text)) {
    if (!matches(token.terms)) continue;
    if (token.start > at) parts.push({ text: text.slice(at, token.start), match: false });
    parts.push({ text: text.slice(token.start, token.end), match: true });
    at = token.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}

const WINDOW = 30;

/**
 * About 30 words of `text` around the place holding the most of the searched
 * words, marked, with an ellipsis where it is cut; the opening words when none is there.
 */
export function snippet(text: string, terms: SearchTerm[]): Highlighted {
  const tokens = tokenise(text);
  if (tokens.length === 0) return [];
  const matches = matcher(terms);
  const found = tokens.map((token) => matches(token.terms));
  let best = 0;
  let bestScore = -1;
  for (let start = 0; start < Math.max(1, tokens.length - WINDOW + 1); start += 1) {
    const window = found.slice(start, start + WINDOW);
    const score = new Set(window.filter(Boolean)).size * 100 + window.filter(Boolean).length;
    if (score > bestScore) [best, bestScore] = [start, score];
    if (bestScore > 0 && found[start] === null && start > best + WINDOW) break;
  }
  // Start a few words before the first match, so it reads in context.
  const firstMatch = found.findIndex((term, index) => index >= best && term !== null);
  const start = bestScore >= 100 && firstMatch >= 0 ? Math.max(0, Math.min(best, firstMatch - 5)) : 0;
  const end = Math.min(tokens.length, start + WINDOW);
  const from = tokens[start]?.start ?? 0;
  const to = tokens[end - 1]?.end ?? text.length;
  const parts = highlight(text.slice(from, to), terms);
  if (start > 0) parts.unshift({ text: '… ', match: false });
  if (end < tokens.length) parts.push({ text: ' …', match: false });
  return parts;
}
