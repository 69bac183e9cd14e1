// `npm run content:preview -- SLUG [--hours N] [--site URL]`: prints a signed
// link that opens a draft or scheduled article on the running production
// site, until it expires. Needs PREVIEW_SECRET, the site's value. Says what
// the article's file would show (draft, scheduled, or its problems) first.
// Exit codes: 0 printed, 1 no such article, 2 wrong command line or settings.
import { formatProblem, getPreviewArticle } from '@/lib/content';
import { DEFAULT_PREVIEW_HOURS, expiryText, MAX_PREVIEW_HOURS, previewLink, previewSecretProblem } from '@/lib/preview';
import { isSlug } from '@/lib/routes';

import { parseCommandLine, runCommand, siteAddress, Stop } from './cli';

const NAME = 'content:preview';

const USAGE = `Usage: npm run ${NAME} -- SLUG [options]

Prints a link that opens the article content/articles/SLUG.md (a draft, or
scheduled) on the running site, for the editor's eyes only: never cached,
listed or indexed. Needs PREVIEW_SECRET, the site's value.

Options:
  --hours N    how long the link works (default ${DEFAULT_PREVIEW_HOURS}, at most ${MAX_PREVIEW_HOURS})
  --site URL   the site's address (default: SITE_URL, else http://localhost:3000)
  -h, --help   this help`;

type Options = { slug: string; hours: number; site: string };

function readOptions(args: string[]): Options | 'help' {
  const { values, positionals } = parseCommandLine(NAME, USAGE, args, {
    hours: { type: 'string' },
    site: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new Stop(`${NAME}: give one article's slug, e.g. npm run ${NAME} -- budget-vote\n\n${USAGE}`, 2);
  const slug = (positionals[0] ?? '').replace(/\.md$/, '');
  if (!isSlug(slug)) throw new Stop(`${NAME}: "${slug}" is not a slug; use the file name without .md, e.g. budget-vote`, 2);
  const hours = values.hours === undefined ? DEFAULT_PREVIEW_HOURS : Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_PREVIEW_HOURS) {
    throw new Stop(`${NAME}: --hours must be a number of hours above 0 and at most ${MAX_PREVIEW_HOURS}, e.g. --hours 48`, 2);
  }
  const site = siteAddress(values.site, 'http://localhost:3000');
  if (site === null) throw new Stop(`${NAME}: --site must be the site's address, e.g. --site https://news.example.org`, 2);
  return { slug, hours, site };
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const problem = previewSecretProblem();
  if (problem)
    throw new Stop(
      `${NAME}: ${problem} Run this command with the site's value, e.g. PREVIEW_SECRET=… npm run ${NAME} -- ${options.slug}`,
      2,
    );
  const preview = getPreviewArticle(options.slug);
  if (!preview) throw new Stop(`${NAME}: there is no article ${options.slug} (content/articles/${options.slug}.md); check the slug`, 1);
  if (preview.ok) {
    const { article, state } = preview;
    const when = state === 'scheduled' ? `scheduled for ${article.date}` : state === 'draft' ? 'a draft' : 'already published';
    console.log(`${NAME}: "${article.title}" is ${when}.`);
  } else {
    console.log(`${NAME}: the file has problems; the preview lists them until they are fixed:`);
    for (const entry of preview.problems) console.log(`  ${formatProblem(entry)}`);
  }
  const expiresAt = Date.now() + Math.round(options.hours * 3_600_000);
  console.log(`Preview link (works until ${expiryText(expiresAt)}):`);
  console.log(previewLink(options.site, { slug: options.slug, expiresAt }));
  return 0;
}

runCommand(NAME, main);
