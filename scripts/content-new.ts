// `npm run content:new -- "Headline" [--author ID] [--category NAME]…`:
// starts an article. Writes content/articles/<slug>.md with the front-matter
// contract filled in (the slug from the headline, the current time with the
// desk's zone, author and categories from the flags or asked for), as a draft.
// Refuses a slug that an article, an old address or a takedown already uses.
// Exit codes: 0 written, 1 the slug is taken, 2 wrong command line.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';

import { END_OF_TIME, isTimeZone, loadContent, newArticleText, slugForHeadline } from '@/lib/content';
import { env } from '@/lib/env';
import { site } from '@/lib/site';

import { parseCommandLine, runCommand, Stop } from './cli';

const NAME = 'content:new';

const USAGE = `Usage: npm run ${NAME} -- "Headline" [options]

Writes content/articles/<slug>.md with the front matter filled in, as a draft.

Options:
  --author ID       an author id (a file content/authors/<id>.md); repeat for several
  --category NAME   a category from content/categories.yml; repeat for several, the first leads
  --slug SLUG       the file's slug (default: from the headline; needed for a headline without Latin letters)
  --zone ZONE       the desk's time zone for the date, e.g. Asia/Karachi (default: ${site.timeZone})
  --lang TAG        the article's language, e.g. fa-AF (default: en)
  -h, --help        this help

Without --author or --category, and on a terminal, it asks for them.`;

type Options = { headline: string; authors: string[]; categories: string[]; slug?: string; zone: string; lang?: string };

function readOptions(args: string[]): Options | 'help' {
  const { values, positionals } = parseCommandLine(NAME, USAGE, args, {
    author: { type: 'string', multiple: true },
    category: { type: 'string', multiple: true },
    slug: { type: 'string' },
    zone: { type: 'string' },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  const headline = positionals.join(' ').trim();
  if (headline === '') throw new Stop(`${NAME}: give the headline, e.g. npm run ${NAME} -- "Parliament passes the budget"\n\n${USAGE}`, 2);
  const zone = values.zone ?? site.timeZone;
  if (!isTimeZone(zone))
    throw new Stop(`${NAME}: --zone "${zone}" is not a time zone; write e.g. --zone Asia/Kabul or --zone Asia/Karachi`, 2);
  return { headline, authors: values.author ?? [], categories: values.category ?? [], slug: values.slug, zone, lang: values.lang };
}

/** Asks on the terminal for a list of known values; refuses unknown ones. */
async function ask(question: string, known: readonly string[]): Promise<string[]> {
  const terminal = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (;;) {
      const answer = await terminal.question(`${question} (${known.join(', ')}; several with commas): `);
      const picked = answer
        .split(',')
        .map((value) => value.trim())
        .filter(Boolean);
      const unknown = picked.filter((value) => !known.some((name) => name.toLowerCase() === value.toLowerCase()));
      if (picked.length > 0 && unknown.length === 0)
        return picked.map((value) => known.find((name) => name.toLowerCase() === value.toLowerCase()) ?? value);
      console.log(picked.length === 0 ? 'At least one, please.' : `Not known: ${unknown.join(', ')}.`);
    }
  } finally {
    terminal.close();
  }
}

/** A path as the editor typed paths: from the working directory when inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

function fileNamed(folder: string, name: string): string | null {
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name === name) return path.join(entry.parentPath, entry.name);
  }
  return null;
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const root = path.resolve(env.contentDir);
  const articles = path.join(root, 'articles');
  const slug = options.slug ?? slugForHeadline(options.headline);
  if (slug === null || slugForHeadline(slug) !== slug) {
    throw new Stop(
      `${NAME}: ${slug === null ? 'the headline gives no slug (it has no Latin letters or digits)' : `--slug "${slug}" is not a slug`}; give one with --slug, e.g. --slug hijri-calendar-explained`,
      2,
    );
  }

  const { index } = loadContent(root, { includeDrafts: true, cacheDir: env.contentCacheDir });
  const existing = fs.existsSync(articles) ? fileNamed(articles, `${slug}.md`) : null;
  if (existing) throw new Stop(`${NAME}: ${shown(existing)} already exists; choose another headline or give --slug`, 1);
  const redirect = index.getRedirect(slug, END_OF_TIME);
  if (redirect) throw new Stop(`${NAME}: "${slug}" is an old address of ${redirect} (its redirectFrom); give another --slug`, 1);
  if (index.getRemovedArticle(slug)) throw new Stop(`${NAME}: "${slug}" was taken down (content/removed.yml); give another --slug`, 1);

  const knownAuthors = index
    .getAuthors()
    .map((author) => author.id)
    .sort();
  const knownCategories = index.getCategories().map((category) => category.name);
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const need = (what: string, flag: string, known: readonly string[]) =>
    new Stop(`${NAME}: give ${what} with ${flag} (known: ${known.join(', ')})`, 2);
  const authors = options.authors.length > 0 ? options.authors : interactive ? await ask('Author', knownAuthors) : [];
  if (authors.length === 0) throw need('the author', '--author ID', knownAuthors);
  const categories = options.categories.length > 0 ? options.categories : interactive ? await ask('Categories', knownCategories) : [];
  if (categories.length === 0) throw need('a category', '--category NAME', knownCategories);
  const unknownAuthor = authors.find((id) => !knownAuthors.includes(id));
  if (unknownAuthor) throw new Stop(`${NAME}: unknown author "${unknownAuthor}"; known authors: ${knownAuthors.join(', ')}`, 2);
  const unknownCategory = categories.find((name) => !knownCategories.some((known) => known.toLowerCase() === name.toLowerCase()));
  if (unknownCategory) throw new Stop(`${NAME}: unknown category "${unknownCategory}"; use one of: ${knownCategories.join(', ')}`, 2);

  const named = categories.map((name) => knownCategories.find((known) => known.toLowerCase() === name.toLowerCase()) ?? name);
  const file = path.join(articles, `${slug}.md`);
  fs.mkdirSync(articles, { recursive: true });
  const text = newArticleText({
    title: options.headline,
    date: new Date(),
    timeZone: options.zone,
    authors,
    categories: named,
    lang: options.lang,
  });
  // `wx`: never overwrites, even a file written since the check above.
  fs.writeFileSync(file, text, { flag: 'wx' });
  console.log(`${NAME}: wrote ${shown(file)} (a draft). Write the story, run npm run content:check, and remove draft: true to publish.`);
  return 0;
}

runCommand(NAME, main);
