/** A run of comment text: plain text, or a bare web address to show as a link. */
export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Every link made from reader input carries these: no ranking credit, marked
// as user content, and no access to this page from the opened one.
export const READER_LINK_REL = 'nofollow ugc noopener';

const BARE_URL = /https?:\/\/[^\s<>"'`]+/giu;
// Punctuation that ends a sentence rather than the address (Latin and Arabic script).
const TRAILING = /[.,;:!?'"»”’،؛؟۔]+$/u;

/**
 * The address as a link target when it is an absolute http(s) URL without a
 * user name or password ("https://bank.example@evil.example" shows one host
 * and opens another); otherwise null.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  if (!/^https?:\/\//i.test(text) || /[\s\u0000-\u001F\u007F]/u.test(text)) return null;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

// "(see https://example.com/a_(b))" keeps the balanced ")" and drops the last one.
function trimUrl(candidate: string): string {
  let url = candidate.replace(TRAILING, '');
  while (url.endsWith(')') && count(url, ')') > count(url, '(')) url = url.slice(0, -1).replace(TRAILING, '');
  while (url.endsWith(']') && count(url, ']') > count(url, '[')) url = url.slice(0, -1).replace(TRAILING, '');
  return url;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Splits one line of text into text and link segments; nothing but http(s) addresses becomes a link. */
export function linkify(line: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  const push = (text: string) => {
    if (text === '') return;
    const previous = segments.at(-1);
    if (previous?.kind === 'text') previous.text += text;
    else segments.push({ kind: 'text', text });
  };
  for (const match of line.matchAll(BARE_URL)) {
    const start = match.index;
    // "xhttps://…" is part of a word, not an address.
    if (start > 0 && /[\p{L}\p{N}_]/u.test(line[start - 1] ?? '')) continue;
    const text = trimUrl(match[0]);
    const href = safeHttpUrl(text);
    if (!href || text.length <= 'https://'.length) continue;
    push(line.slice(last, start));
    segments.push({ kind: 'link', text, href });
    last = start + text.length;
  }
  push(line.slice(last));
  return segments;
}

/** Paragraphs (split at blank lines), each a list of lines; text stays as typed. */
export function toParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => paragraph.split('\n'));
}
