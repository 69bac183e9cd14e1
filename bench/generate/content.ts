import fs from 'node:fs';
import path from 'node:path';

import { Random, seedFor } from './prng';
import { ADJECTIVES, CATEGORIES, FILLER, FIRST_NAMES, LAST_NAMES, NOUNS, PLACES, ROLES, SOURCES, TAGS, VERBS } from './words';

const SEED = 20_261_102;
const AUTHOR_COUNT = 20;
/** Every date is before this instant, so no generated article is scheduled. */
const ANCHOR = Date.UTC(2026, 5, 1, 6, 0, 0);
const GAP_MINUTES = 47;
const ZONES = [270, 300, 0, 330, 180];

export const WORDS_MIN = 600;
export const WORDS_MAX = 900;

export type GeneratedArticle = { slug: string; words: number; time: number; hasTable: boolean };
export type GeneratedContent = { dir: string; articles: GeneratedArticle[]; authorIds: string[] };

/**
 * Writes `count` articles, ~20 authors and categories.yml under `dir`.
 * Article i is newer than article i + 1 and does not depend on `count`.
 */
export function generateContent(dir: string, count: number): GeneratedContent {
  fs.mkdirSync(path.join(dir, 'articles'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'authors'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'categories.yml'), categoriesYaml());
  const authors = makeAuthors();
  for (const author of authors) {
    fs.writeFileSync(path.join(dir, 'authors', `${author.id}.md`), author.file);
  }
  const authorIds = authors.map((author) => author.id);
  const articles: GeneratedArticle[] = [];
  for (let index = 0; index < count; index += 1) {
    const article = makeArticle(index, authorIds);
    fs.writeFileSync(path.join(dir, 'articles', `${article.slug}.md`), article.file);
    articles.push({ slug: article.slug, words: article.words, time: article.time, hasTable: article.hasTable });
  }
  return { dir, articles, authorIds };
}

function categoriesYaml(): string {
  return CATEGORIES.map((category) => `- name: ${category.name}\n  description: ${JSON.stringify(category.description)}\n`).join('');
}

function makeAuthors(): Array<{ id: string; file: string }> {
  const random = new Random(SEED);
  const pairs = FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => `${first} ${last}`));
  return random.sample(pairs, AUTHOR_COUNT).map((name) => {
    const role = random.pick(ROLES);
    const bio = `${name} is an invented ${role.toLowerCase()} of a synthetic newsroom, writing about ${random.pick(NOUNS)}s and ${random.pick(NOUNS)}s in ${random.pick(PLACES)}.`;
    return { id: slugify(name), file: `---\nname: ${name}\nrole: ${role}\n---\n${bio}\n` };
  });
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Counts words the way the site does: whitespace-separated tokens with a letter or digit. */
function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) count += 1;
  return count;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatDate(time: number, offsetMinutes: number): string {
  const local = new Date(time + offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const zone = `${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
  return `${local}${sign}${zone}`;
}

type Block = { markdown: string; words: number };

class BodyWriter {
  constructor(private readonly random: Random) {}

  word(): string {
    const r = this.random.float();
    if (r < 0.45) return this.random.pick(FILLER);
    if (r < 0.7) return this.random.pick(NOUNS);
    if (r < 0.82) return this.random.pick(ADJECTIVES);
    if (r < 0.9) return this.random.pick(VERBS);
    if (r < 0.96) return this.random.pick(PLACES);
    return String(this.random.int(2, 2026));
  }

  /** A sentence of exactly `length` words. */
  sentence(length: number, withLink = false): string {
    const words = Array.from({ length }, () => this.word());
    if (withLink && length >= 4) {
      const start = this.random.int(0, length - 3);
      const path = `${this.random.pick(NOUNS)}/${this.random.int(1, 9999)}`;
      words[start] = `[${words[start]}`;
      words[start + 1] = `${words[start + 1]}](https://example.org/${path})`;
    }
    const text = words.join(' ');
    return `${capitalize(text)}.`;
  }

  paragraph(length: number): Block {
    const sentences: string[] = [];
    let left = length;
    while (left > 0) {
      const size = Math.min(left, this.random.int(8, 22));
      sentences.push(this.sentence(size, this.random.chance(0.12)));
      left -= size;
    }
    const markdown = sentences.join(' ');
    return { markdown, words: countWords(markdown.replace(/\]\([^)]*\)/g, ']')) };
  }

  heading(): Block {
    const text = `${capitalize(this.random.pick(ADJECTIVES))} ${this.random.pick(NOUNS)} in ${this.random.pick(PLACES)}`;
    return { markdown: `## ${text}`, words: countWords(text) };
  }

  quote(): Block {
    const said = `${this.random.pick(FIRST_NAMES)} ${this.random.pick(LAST_NAMES)}`;
    const text = `"${this.sentence(this.random.int(10, 20)).slice(0, -1)}," said ${said}, a ${this.random.pick(NOUNS)} in ${this.random.pick(PLACES)}.`;
    return { markdown: `> ${text}`, words: countWords(text) };
  }

  list(ordered: boolean): Block {
    const items = Array.from({ length: this.random.int(3, 5) }, (_, index) => {
      const text = this.sentence(this.random.int(5, 12));
      return `${ordered ? `${index + 1}.` : '-'} ${this.random.chance(0.3) ? `**${text}**` : text}`;
    });
    const markdown = items.join('\n');
    return { markdown, words: countWords(markdown.replace(/^(?:\d+\.|-) /gm, '')) };
  }

  table(): Block {
    const rows = Array.from({ length: this.random.int(3, 6) }, () => {
      const place = this.random.pick(PLACES);
      const amount = this.random.int(100, 99_999).toLocaleString('en-US');
      const change = `${this.random.chance(0.5) ? '+' : '−'}${this.random.int(0, 199) / 10}%`;
      return [place, amount, change];
    });
    const lines = ['| Province | Amount (million) | Change |', '| --- | ---: | ---: |', ...rows.map((row) => `| ${row.join(' | ')} |`)];
    const words = countWords(['Province Amount (million) Change', ...rows.map((row) => row.join(' '))].join(' '));
    return { markdown: lines.join('\n'), words };
  }
}

function makeBody(random: Random, target: number, withTable: boolean): { body: string; words: number } {
  const writer = new BodyWriter(random);
  const blocks: Block[] = [writer.paragraph(random.int(40, 70)), writer.paragraph(random.int(30, 60))];
  let tablePlaced = !withTable;
  let total = blocks.reduce((sum, block) => sum + block.words, 0);
  const add = (block: Block): boolean => {
    if (total + block.words > target) return false;
    blocks.push(block);
    total += block.words;
    return true;
  };
  while (total < target) {
    if (!add(writer.heading())) break;
    add(writer.paragraph(random.int(40, 90)));
    const extra = random.float();
    if (!tablePlaced && extra < 0.5) tablePlaced = add(writer.table());
    else if (extra < 0.3) add(writer.quote());
    else if (extra < 0.55) add(writer.list(false));
    else if (extra < 0.7) add(writer.list(true));
    add(writer.paragraph(random.int(30, 80)));
    if (target - total < 60) break;
  }
  if (total < target) {
    const last = writer.paragraph(target - total);
    blocks.push(last);
    total += last.words;
  }
  return { body: `${blocks.map((block) => block.markdown).join('\n\n')}\n`, words: total };
}

function flowList(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}

function makeArticle(index: number, authorIds: readonly string[]) {
  const random = new Random(seedFor(SEED, index));
  const time = ANCHOR - (index * GAP_MINUTES + random.int(0, GAP_MINUTES - 7)) * 60_000 - random.int(0, 59) * 1000;
  const place = random.pick(PLACES);
  const title = `${place} ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} ${random.pick(VERBS)} ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} ${random.pick(FILLER)} ${random.pick(NOUNS)}`;
  const slug = `${slugify(title).split('-').slice(0, 6).join('-')}-${index}`;
  const authors = random.chance(0.15) ? random.sample(authorIds, 2) : [random.pick(authorIds)];
  const categories = random.sample(
    CATEGORIES.map((category) => category.name),
    random.int(2, 5),
  );
  const tags = random.sample(TAGS, random.int(2, 6));
  const hasTable = random.chance(0.3);
  const lines = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `date: ${formatDate(time, random.pick(ZONES))}`,
    `author: ${authors.length === 1 ? authors[0] : flowList(authors)}`,
  ];
  if (random.chance(0.7)) lines.push(`source: ${random.pick(SOURCES)}`);
  lines.push(`categories: ${flowList(categories)}`, `tags: ${flowList(tags)}`);
  if (random.chance(0.3)) {
    lines.push(`excerpt: ${JSON.stringify(new BodyWriter(random).sentence(random.int(15, 30)))}`);
  }
  lines.push('---');
  const { body, words } = makeBody(random, random.int(WORDS_MIN, WORDS_MAX), hasTable);
  return { slug, time, words, hasTable, file: `${lines.join('\n')}\n${body}` };
}
