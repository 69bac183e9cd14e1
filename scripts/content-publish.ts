// `npm run content:publish [-- --site URL]`: tells a running site to read the
// content folder again and regenerate the pages that show what changed: call
// it from a git hook or CI after pulling new articles. Only changed files are
// parsed. Exit codes: 0 published, 1 the site refused the content (its
// problems are printed) or the call failed, 2 wrong command line or settings.
import { parseArgs } from 'node:util';

import { env } from '@/lib/env';

import { runCommand, siteAddress, Stop } from './cli';

const NAME = 'content:publish';

const USAGE = `Usage: npm run ${NAME} [-- --site URL]

Tells a running site to read content/ again and regenerate the pages that
show what changed. Needs REVALIDATE_SECRET, the site's value.

Options:
  --site URL   the site's address (default: SITE_URL, else http://127.0.0.1:3000)
  -h, --help   this help

Exit codes: 0 published, 1 the site refused the content or could not be
reached, 2 wrong command line or settings.`;

type Answer = {
  published?: string[];
  updated?: string[];
  withdrawn?: string[];
  parsed?: number;
  reused?: number;
  ms?: number;
  everything?: boolean;
  revalidated?: string[];
  /** Articles withdrawn with comments and no redirectFrom or removed.yml entry. */
  warnings?: string[];
  error?: string;
  problems?: string[];
};

const SITE_NEEDED = `${NAME}: --site needs the server's address, e.g. --site http://127.0.0.1:3000`;

/** The site's address from the command line; null when the reader asked for help. */
function siteFromArgs(args: string[]): string | null {
  let values: { site?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { site: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && args.includes('--site')) throw new Stop(SITE_NEEDED, 2);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Stop(`${NAME}: ${reason}\n\n${USAGE}`, 2);
  }
  if (values.help) return null;
  const site = siteAddress(values.site, 'http://127.0.0.1:3000');
  if (site === null) throw new Stop(SITE_NEEDED, 2);
  return site;
}

const list = (label: string, slugs: string[] | undefined) =>
  slugs?.length ? `${label} ${slugs.length} (${slugs.join(', ')})` : `${label} 0`;

async function main(): Promise<number> {
  const site = siteFromArgs(process.argv.slice(2));
  if (site === null) {
    console.log(USAGE);
    return 0;
  }
  const secret = env.revalidateSecret;
  if (!secret) throw new Stop(`${NAME}: set REVALIDATE_SECRET to the site's value, e.g. REVALIDATE_SECRET=… npm run ${NAME}`, 2);
  let response: Response;
  try {
    response = await fetch(`${site}/api/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: true }),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw new Stop(`${NAME}: the site at ${site} could not be reached (${reason}); is it running? Pass --site URL for another address.`, 1);
  }
  const answer = (await response.json().catch(() => ({}))) as Answer;
  if (response.status === 422) {
    for (const problem of answer.problems ?? []) console.error(problem);
    throw new Stop(`${NAME}: ${answer.error ?? 'the content has problems'}`, 1);
  }
  if (!response.ok) {
    const reason =
      response.status === 401
        ? 'it refused REVALIDATE_SECRET (is it the same as the site’s?)'
        : response.status === 404
          ? 'publishing is not configured there (REVALIDATE_SECRET unset on the site?)'
          : `it answered HTTP ${response.status}${answer.error ? `: ${answer.error}` : ''}`;
    throw new Stop(`${NAME}: the site at ${site} did not publish: ${reason}`, 1);
  }
  console.log(`${list('Published', answer.published)}; ${list('updated', answer.updated)}; ${list('withdrawn', answer.withdrawn)}.`);
  for (const warning of answer.warnings ?? []) console.warn(`Warning: ${warning}`);
  const pages = answer.everything ? 'every page' : `${answer.revalidated?.length ?? 0} pages`;
  const parsed = answer.parsed ?? 0;
  console.log(
    `${parsed} ${parsed === 1 ? 'file' : 'files'} parsed, ${answer.reused ?? 0} unchanged; ${pages} regenerated in ${answer.ms ?? 0} ms.`,
  );
  return 0;
}

runCommand(NAME, main);
