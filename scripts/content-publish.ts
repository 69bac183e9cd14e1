// `npm run content:publish [-- --site URL]`: tells a running site to read the
// content folder again and regenerate the pages that show what changed: call
// it from a git hook or CI after pulling new articles. Only changed files are
// parsed. Exit codes: 0 published, 1 the site refused the content (its
// problems are printed) or the call failed, 2 wrong command line or settings.
import { env } from '@/lib/env';
import { getSettings, readSettingsEnv } from '@/lib/settings';

const NAME = 'content:publish';

type Answer = {
  published?: string[];
  updated?: string[];
  withdrawn?: string[];
  parsed?: number;
  reused?: number;
  ms?: number;
  everything?: boolean;
  revalidated?: string[];
  error?: string;
  problems?: string[];
};

class Stop extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

function siteFromArgs(args: string[]): string {
  const at = args.indexOf('--site');
  if (at === -1) {
    if (args.length > 0) throw new Stop(`${NAME}: unknown argument "${args[0]}"; the only option is --site URL`, 2);
    return readSettingsEnv().SITE_URL?.trim() ? getSettings().siteUrl : 'http://127.0.0.1:3000';
  }
  const value = args[at + 1] ?? '';
  if (!/^https?:\/\/[^/\s]+\/?$/.test(value))
    throw new Stop(`${NAME}: --site needs the server's address, e.g. --site http://127.0.0.1:3000`, 2);
  return value.replace(/\/$/, '');
}

const list = (label: string, slugs: string[] | undefined) =>
  slugs?.length ? `${label} ${slugs.length} (${slugs.join(', ')})` : `${label} 0`;

async function main(): Promise<number> {
  const site = siteFromArgs(process.argv.slice(2));
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
  const pages = answer.everything ? 'every page' : `${answer.revalidated?.length ?? 0} pages`;
  const parsed = answer.parsed ?? 0;
  console.log(
    `${parsed} ${parsed === 1 ? 'file' : 'files'} parsed, ${answer.reused ?? 0} unchanged; ${pages} regenerated in ${answer.ms ?? 0} ms.`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof Stop) {
      console.error(error.message);
      process.exitCode = error.code;
      return;
    }
    console.error(`${NAME}: internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exitCode = 2;
  },
);
