import 'server-only';

import { createHash } from 'node:crypto';

// Explicit embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069)
// let one reader reorder how the text around their comment is displayed.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function removeBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** `\r\n` and a lone `\r` become `\n`. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

// C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F), and lone surrogates, which
// no encoding can store. The multi-line variant allows tab and line feed.
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]|\p{Cs}/u;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|\p{Cs}/u;

export function hasControlCharacter(text: string, multiline: boolean): boolean {
  return (multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(text);
}

/** The stored form of reader text: newlines unified, bidi controls removed, NFC, trimmed. */
export function cleanText(text: string, multiline: boolean): string {
  const unified = multiline ? normaliseNewlines(text) : text;
  return removeBidiControls(unified).normalize('NFC').trim();
}

/** Email addresses are compared without regard to case. */
export function normaliseEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

// Characters that show nothing (zero-width spaces and joiners, the word joiner,
// soft hyphen, BOM and other format characters, the combining grapheme joiner,
// Hangul fillers) and the Arabic tatweel, which only stretches a word.
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u0640]/gu;

/**
 * A body as compared for duplicates: case, spacing, compatibility forms and
 * invisible characters do not make a new comment.
 */
export function duplicateBodyForm(body: string): string {
  return body.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

export function sha256Hex(...parts: string[]): string {
  const hash = createHash('sha256');
  // A separator that cannot occur in stored text keeps ("ab","c") apart from ("a","bc").
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}
