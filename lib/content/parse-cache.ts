import 'server-only';

import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Parsed articles kept between builds, keyed by a hash of each file's bytes,
// so a rebuild after one edit parses one article. Parsing (YAML, Markdown,
// HTML) is the costliest step of loading content; validation against the
// authors and categories is cheap and runs on every load.

/** Bump when parsing or rendering changes, so older entries are not reused. */
const FORMAT = 'dateline-parse-cache-2';

/** What one article file parses into, before validation. */
export type ParsedArticle = {
  /** Front matter fields, as YAML gives them (without empty keys). */
  data: Record<string, unknown>;
  excerpt: string;
  wordCount: number;
  /** See MarkdownFacts. */
  outsideImages: string[];
};

type FileStamp = { mtimeMs: number; size: number; hash: string };

type Stored = {
  format: string;
  /** When the stamps were taken; a file changed in the same instant is read again. */
  checkedAt: number;
  files: Record<string, FileStamp>;
  entries: Record<string, ParsedArticle>;
};

export type ParseCacheStats = { parsed: number; reused: number };

/** One of `count` processes filling a cold cache together; it saves its share to a file of its own. */
export type CachePart = { index: number; count: number };

export type ParseCache = {
  /**
   * The content hash of a file, from the stamps of the previous load when its
   * size and modification time are unchanged, so unchanged files are not read.
   */
  knownHash(file: string, stat: fs.Stats): string | undefined;
  get(hash: string): ParsedArticle | undefined;
  /** Records a freshly parsed article and its body's HTML. */
  put(hash: string, parsed: ParsedArticle, html: string): void;
  /** Marks a file as read in this load, so it stays in the cache. */
  keep(file: string, stat: fs.Stats, hash: string): void;
  /**
   * Reads the HTML of bodies parsed earlier (undefined when one is not kept).
   * It holds on to nothing else, so the index that keeps it does not keep
   * the parsed front matter of every article in memory too.
   */
  bodyReader(): (hash: string) => string | undefined;
  /** Writes what this load parsed and forgets articles that are gone. */
  save(): void;
  readonly stats: ParseCacheStats;
};

export function hashText(text: string): string {
  return createHash('sha256').update(FORMAT).update('\0').update(text).digest('hex');
}

/** A cache that lives as long as the process: for tests and one-off reads. */
export function memoryParseCache(): ParseCache {
  const entries = new Map<string, ParsedArticle>();
  const bodies = new Map<string, string>();
  const stats: ParseCacheStats = { parsed: 0, reused: 0 };
  return {
    knownHash: () => undefined,
    get(hash) {
      const entry = entries.get(hash);
      if (entry) stats.reused += 1;
      return entry;
    },
    put(hash, parsed, html) {
      stats.parsed += 1;
      entries.set(hash, parsed);
      bodies.set(hash, html);
    },
    keep: () => undefined,
    bodyReader: () => (hash) => bodies.get(hash),
    save: () => undefined,
    stats,
  };
}

/**
 * A cache in `directory`, one per content folder: a JSON index of parsed
 * front matter and one HTML file per body. Several build workers may save at
 * once; each write is a rename, so a reader sees one whole version.
 */
export function diskParseCache(directory: string, contentRoot: string, part?: CachePart): ParseCache {
  const folder = path.join(directory, createHash('sha256').update(contentRoot).digest('hex').slice(0, 16));
  const indexFile = path.join(folder, 'articles.json');
  const partFiles = listPartFiles(folder);
  const previous = mergeStored([indexFile, ...partFiles].map(readStored));
  const startedAt = Date.now();
  const files: Record<string, FileStamp> = {};
  const entries: Record<string, ParsedArticle> = {};
  const stats: ParseCacheStats = { parsed: 0, reused: 0 };
  let changed = false;

  const bodyFile = (hash: string) => bodyPath(folder, hash);

  return {
    knownHash(file, stat) {
      const stamp = previous?.files[file];
      if (!stamp || stamp.size !== stat.size || stamp.mtimeMs !== stat.mtimeMs) return undefined;
      // Racy stamps: a file written in the same instant as the last check may have changed since.
      if (stat.mtimeMs >= (previous?.checkedAt ?? 0) - 1_000) return undefined;
      return stamp.hash;
    },
    get(hash) {
      const entry = entries[hash] ?? previous?.entries[hash];
      if (!entry) return undefined;
      stats.reused += 1;
      entries[hash] = entry;
      return entry;
    },
    put(hash, parsed, html) {
      stats.parsed += 1;
      changed = true;
      entries[hash] = parsed;
      try {
        writeAtomically(bodyFile(hash), html);
      } catch {
        // Without its HTML file the body is rendered again when a page shows it.
      }
    },
    keep(file, stat, hash) {
      files[file] = { mtimeMs: stat.mtimeMs, size: stat.size, hash };
      const stamp = previous?.files[file];
      if (!stamp || stamp.hash !== hash || stamp.mtimeMs !== stat.mtimeMs) changed = true;
    },
    bodyReader: () => bodyReaderFor(folder),
    save() {
      const stored: Stored = { format: FORMAT, checkedAt: startedAt, files, entries };
      try {
        if (part) {
          writeAtomically(path.join(folder, `articles.part-${part.index}-of-${part.count}.json`), JSON.stringify(stored));
          return;
        }
        const gone = Object.keys(previous?.entries ?? {}).filter((hash) => !(hash in entries));
        const fileGone = Object.keys(previous?.files ?? {}).some((file) => !(file in files));
        if (!changed && gone.length === 0 && !fileGone && previous && partFiles.length === 0) return;
        writeAtomically(indexFile, JSON.stringify(stored));
        for (const file of partFiles) fs.rmSync(file, { force: true });
        for (const hash of gone) fs.rmSync(bodyFile(hash), { force: true });
      } catch {
        // A read-only or full disk costs the next load its head start, nothing else.
      }
    },
    stats,
  };
}

function bodyPath(folder: string, hash: string): string {
  return path.join(folder, 'bodies', hash.slice(0, 2), `${hash}.html`);
}

function bodyReaderFor(folder: string): (hash: string) => string | undefined {
  return (hash) => {
    try {
      return fs.readFileSync(bodyPath(folder, hash), 'utf8');
    } catch {
      return undefined;
    }
  };
}

function listPartFiles(folder: string): string[] {
  try {
    return fs
      .readdirSync(folder)
      .filter((name) => /^articles\.part-\d+-of-\d+\.json$/.test(name))
      .map((name) => path.join(folder, name));
  } catch {
    return [];
  }
}

/** The whole index and the shares of part loads, as one; the oldest check time, so no stamp is trusted too far. */
function mergeStored(all: Array<Stored | undefined>): Stored | undefined {
  const found = all.filter((stored): stored is Stored => stored !== undefined);
  if (found.length <= 1) return found[0];
  return {
    format: FORMAT,
    checkedAt: Math.min(...found.map((stored) => stored.checkedAt)),
    files: Object.assign({}, ...found.map((stored) => stored.files)) as Stored['files'],
    entries: Object.assign({}, ...found.map((stored) => stored.entries)) as Stored['entries'],
  };
}

function readStored(file: string): Stored | undefined {
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Stored>;
    if (stored.format !== FORMAT || typeof stored.files !== 'object' || typeof stored.entries !== 'object') return undefined;
    return { format: FORMAT, checkedAt: Number(stored.checkedAt) || 0, files: stored.files ?? {}, entries: stored.entries ?? {} };
  } catch {
    return undefined;
  }
}

function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}
