import 'server-only';

import fs from 'node:fs';
import path from 'node:path';

import type { InitialStatus } from '@/lib/comments/store';
import { env } from '@/lib/env';
import { getSettings } from '@/lib/settings';

/** Two links or more hold a comment for a moderator. */
export const MAX_LINKS = 1;

export type SpamVerdict = {
  status: InitialStatus;
  /** Why, for the moderator: e.g. "honeypot", "2 links", "blocked word: casino", "new comment". */
  reason: string;
  /** A filled honeypot: store as spam, but show the sender the usual success message. */
  silent: boolean;
};

export type Blocklist = {
  terms: readonly string[];
  /** Null when the list is empty. */
  pattern: RegExp | null;
};

// Marks that change nothing a reader sees but let a word slip past a plain
// comparison: zero-width spaces and joiners, the word joiner, the BOM, the
// Arabic tatweel (kashida) and Arabic diacritics.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u0640\u064B-\u065F\u0670\u06D6-\u06ED]/gu;
// Arabic and Persian keyboards give different code points for the same letters.
const LETTER_VARIANTS: Record<string, string> = { '\u064A': '\u06CC', '\u0649': '\u06CC', '\u0643': '\u06A9' };

/** The form in which text and terms are compared: NFKC, case-folded, invisible marks and letter variants unified. */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('en-US')
    .replace(INVISIBLE, '')
    .replace(/[\u064A\u0649\u0643]/gu, (letter) => LETTER_VARIANTS[letter] ?? letter)
    .normalize('NFC');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One word or phrase per line; blank lines and lines starting with `#` are ignored. */
export function parseBlocklist(text: string): Blocklist {
  const terms = [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'))
        .map((line) => foldForMatch(line).replace(/\s+/gu, ' ').trim())
        .filter((term) => term !== ''),
    ),
  ];
  if (terms.length === 0) return { terms, pattern: null };
  // Longest first, so "payday loan" is reported rather than a shorter term inside it.
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map((term) => term.split(' ').map(escapeRegExp).join('\\s+'));
  // A term matches as a whole word in any script: not preceded or followed by a letter, mark or digit.
  const pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'u');
  return { terms, pattern };
}

/** The first blocked term in `text`, or null. */
export function findBlockedTerm(text: string, blocklist: Blocklist): string | null {
  if (!blocklist.pattern) return null;
  const match = blocklist.pattern.exec(foldForMatch(text));
  return match ? match[0].replace(/\s+/gu, ' ') : null;
}

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;

export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

export const BLOCKLIST_PATH = path.join('moderation', 'blocklist.txt');

let cached: { file: string; mtimeMs: number; list: Blocklist } | undefined;

/**
 * The newsroom's list, `content/moderation/blocklist.txt`, read again when the
 * file changes. A missing file is an empty list.
 */
export function getBlocklist(file: string = path.join(/* turbopackIgnore: true */ env.contentDir, BLOCKLIST_PATH)): Blocklist {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return parseBlocklist('');
  }
  if (cached?.file !== file || cached.mtimeMs !== mtimeMs) {
    cached = { file, mtimeMs, list: parseBlocklist(fs.readFileSync(file, 'utf8')) };
  }
  return cached.list;
}

// Words a reader's name must not pass itself off with: the site's own name is added.
const STAFF_WORDS = ['moderator', 'moderation', 'administrator', 'admin', 'staff', 'editor', 'newsroom'];

// Letters of other scripts drawn like Latin ones, and digits used as letters:
// enough to see through "Аdministrator" (Cyrillic А) or "m0derator".
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɑ: 'a',
  ɡ: 'g',
  ι: 'i',
  ο: 'o',
  α: 'a',
  ν: 'v',
  κ: 'k',
  τ: 't',
  ρ: 'p',
  ε: 'e',
  μ: 'u',
  η: 'n',
  χ: 'x',
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '@': 'a',
  $: 's',
};

/** A name as it looks: compatibility forms, case, marks, invisible characters and look-alike letters unified. */
export function nameSkeleton(name: string): string {
  return [
    ...foldForMatch(name)
      .normalize('NFKD')
      .replace(/[\p{M}\p{Cf}]/gu, ''),
  ]
    .map((character) => LOOKALIKES[character] ?? character)
    .join('')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Why a reader's name looks like the newsroom's own, or null. */
export function staffNameProblem(name: string, siteName: string): string | null {
  const words = nameSkeleton(name).split(' ');
  const site = nameSkeleton(siteName);
  const joined = words.join(' ');
  if (site !== '' && (` ${joined} `.includes(` ${site} `) || joined.replace(/ /g, '') === site.replace(/ /g, ''))) {
    return `name imitates the site: ${siteName}`;
  }
  const word = STAFF_WORDS.find((staff) => words.includes(staff));
  if (word) return `name imitates staff: ${word}`;
  // One word in Latin letters mixed with Cyrillic or Greek ones is drawn to deceive.
  for (const part of name.normalize('NFC').split(/[^\p{L}\p{M}]+/u)) {
    if (/\p{Script=Latin}/u.test(part) && /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(part)) return 'name mixes scripts';
  }
  return null;
}

/**
 * The initial state of a new comment. Every comment waits for a moderator;
 * the reason says why it deserves a closer look. A filled honeypot goes
 * straight to spam.
 */
export function assessComment(
  submission: { name: string; body: string; website?: string | null; honeypot?: unknown },
  blocklist: Blocklist = getBlocklist(),
  siteName: string = getSettings().siteName,
): SpamVerdict {
  if (typeof submission.honeypot === 'string' ? submission.honeypot.trim() !== '' : submission.honeypot != null) {
    return { status: 'spam', reason: 'honeypot', silent: true };
  }
  const reasons: string[] = [];
  const impostor = staffNameProblem(submission.name, siteName);
  if (impostor) reasons.push(impostor);
  const links = countLinks(submission.body);
  if (links > MAX_LINKS) reasons.push(`${links} links`);
  for (const text of [submission.name, submission.website ?? '', submission.body]) {
    const term = findBlockedTerm(text, blocklist);
    if (term !== null) {
      reasons.push(`blocked word: ${term}`);
      break;
    }
  }
  return { status: 'held', reason: reasons.length > 0 ? reasons.join('; ') : 'new comment', silent: false };
}
