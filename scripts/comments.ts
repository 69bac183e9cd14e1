// `npm run comments -- <command>`: moderation from a shell, on the same store
// as the site (SQLite by default, PostgreSQL when DATABASE_URL is set).
// Exit codes: 0 done, 1 the command failed (unknown id, store unavailable),
// 2 the command line is wrong. Messages are sentences, never stack traces.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';

import { isSlug } from '@/lib/routes';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

type Lib = {
  comments: typeof import('@/lib/comments');
  env: (typeof import('@/lib/env'))['env'];
  settings: typeof import('@/lib/settings');
};
type Store = Awaited<ReturnType<Lib['comments']['getCommentStore']>>;
type Status = Lib['comments']['COMMENT_STATUSES'][number];
type Action = Lib['comments']['MODERATION_ACTIONS'][number];

const NAME = 'comments';
const REACT_SERVER = '--conditions=react-server';
const DEFAULT_SITE = 'http://127.0.0.1:3000';
const PAST: Record<Action, string> = {
  approve: 'Approved',
  spam: 'Marked as spam',
  trash: 'Moved to the trash',
  restore: 'Restored',
  hold: 'Held',
};

// One entry per command: its arguments, what it does, and the options
// `util.parseArgs` accepts for it (every command also takes --help).
const COMMANDS = {
  list: {
    args: '[--status held|approved|spam|trash] [--article SLUG] [--limit N]',
    about: 'comments in one state (default held), newest first',
    options: { status: { type: 'string' }, article: { type: 'string' }, limit: { type: 'string' } },
  },
  approve: { args: 'ID…', about: 'publish comments', options: {} },
  spam: { args: 'ID…', about: 'mark comments as spam', options: {} },
  trash: { args: 'ID…', about: 'move comments to the trash', options: {} },
  hold: { args: 'ID…', about: 'take comments back into the moderation queue', options: {} },
  restore: { args: 'ID…', about: 'return comments to their state before the last change', options: {} },
  export: { args: 'EMAIL', about: 'everything stored about one reader, as JSON', options: {} },
  erase: { args: 'EMAIL', about: 'delete every comment of one reader and its history', options: {} },
} as const satisfies Record<string, { args: string; about: string; options: ParseArgsOptionsConfig }>;
type Command = keyof typeof COMMANDS;

const isCommand = (word: string): word is Command => Object.hasOwn(COMMANDS, word);

const line = (command: string, args: string, about: string) => {
  const head = `  ${command} ${args}`;
  return head.length < 22 ? `${head.padEnd(22)}${about}` : `${head}\n${' '.repeat(22)}${about}`;
};

const USAGE = `Usage: npm run comments -- <command> [--help]

${Object.entries(COMMANDS)
  .map(([command, spec]) => line(command, spec.args, spec.about))
  .join('\n')}
${line('help', '', 'this text')}

After a change the running site is asked to update the article pages
(POST SITE_URL/api/revalidate with REVALIDATE_SECRET).
Exit codes: 0 done, 1 failed, 2 wrong command line.`;

const commandUsage = (command: Command) => {
  const { args, about } = COMMANDS[command];
  return `Usage: npm run comments -- ${command} ${args}\n\n  ${about[0]?.toUpperCase()}${about.slice(1)}.\n\nExit codes: 0 done, 1 failed, 2 wrong command line.`;
};

class UsageError extends Error {
  constructor(
    message: string,
    readonly usage = 'Run `npm run comments -- help` for the commands.',
  ) {
    super(message);
  }
}
class Failure extends Error {}

const out = (line = '') => process.stdout.write(`${line}\n`);
const note = (line: string) => process.stderr.write(`${line}\n`);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

// Stored text has no control characters (the schema refuses them); this keeps
// a terminal safe even so.
const printable = (text: string) => text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '\uFFFD');

// lib/ modules import `server-only`, which loads only under the react-server condition.
function rerunWithReactServerCondition(): number {
  const args = [REACT_SERVER, ...process.execArgv, process.argv[1] ?? '', ...process.argv.slice(2)];
  return spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 2;
}

async function importLib(): Promise<Lib | 'needs-condition'> {
  try {
    return {
      comments: await import('@/lib/comments'),
      env: (await import('@/lib/env')).env,
      settings: await import('@/lib/settings'),
    };
  } catch (error) {
    const fromServerOnly = error instanceof Error && /Server Component/.test(error.message);
    if (fromServerOnly && !process.execArgv.includes(REACT_SERVER)) return 'needs-condition';
    throw error;
  }
}

function actor(): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry for this uid (some containers).
  }
  return `cli:${user.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60) || 'unknown'}`;
}

type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

/** The command's options and words, or null when it was asked for its help. */
function parseCommandLine(command: Command, args: string[]): Parsed | null {
  const options: ParseArgsOptionsConfig = { ...COMMANDS[command].options, help: { type: 'boolean', short: 'h' } };
  const usage = commandUsage(command);
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true }) as Parsed;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`Unknown option ${JSON.stringify(option)} for ${command}.`, usage);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${option} needs a value.`, usage);
    throw new UsageError(message.split('\n')[0] ?? message, usage);
  }
  return parsed.values.help ? null : parsed;
}

function parseIds(command: Command, words: string[]): number[] {
  const usage = commandUsage(command);
  const ids = words.flatMap((arg) => arg.split(',')).filter((word) => word !== '');
  if (ids.length === 0) throw new UsageError(`Give at least one comment id, e.g. \`${command} 12 13\`.`, usage);
  return ids.map((word) => {
    const id = /^\d{1,15}$/.test(word) ? Number(word) : Number.NaN;
    if (!Number.isSafeInteger(id) || id < 1) {
      throw new UsageError(`Not a comment id: ${JSON.stringify(word)}. Ids are whole numbers, as shown by \`list\`.`, usage);
    }
    return id;
  });
}

function parseListOptions(lib: Lib, { values, positionals }: Parsed): { status: Status; article?: string; limit: number } {
  const usage = commandUsage('list');
  const statuses = lib.comments.COMMENT_STATUSES;
  if (positionals.length > 0) throw new UsageError(`list takes options only, not ${JSON.stringify(positionals[0])}.`, usage);
  const { status = 'held', article, limit = '50' } = values as { status?: string; article?: string; limit?: string };
  if (!statuses.includes(status as Status)) throw new UsageError(`--status must be one of ${statuses.join(', ')}.`, usage);
  if (article !== undefined && !isSlug(article)) {
    throw new UsageError('--article takes an article slug: lower-case letters, digits and hyphens.', usage);
  }
  if (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > 500) {
    throw new UsageError('--limit must be a whole number from 1 to 500.', usage);
  }
  return { status: status as Status, article, limit: Number(limit) };
}

function parseEmail(lib: Lib, command: 'export' | 'erase', words: string[]): string {
  const usage = commandUsage(command);
  if (words.length !== 1) throw new UsageError(`${command} takes one email address, e.g. \`${command} reader@example.com\`.`, usage);
  const parsed = lib.comments.parseCommentEdit({ email: words[0] });
  if (!parsed.ok || !parsed.value.email) {
    throw new UsageError(parsed.ok ? 'Give an email address.' : (parsed.fieldErrors.email ?? 'Give a valid email address.'), usage);
  }
  return parsed.value.email;
}

async function list(lib: Lib, store: Store, options: ReturnType<typeof parseListOptions>): Promise<void> {
  const result = await store.listByStatus(options.status, { limit: options.limit, articleSlug: options.article });
  const counts = lib.comments.COMMENT_STATUSES.map((status) => `${status} ${result.counts[status]}`).join(', ');
  out(`${plural(result.total, `${options.status} comment`)}${options.article ? ` on ${options.article}` : ''} (${counts}).`);
  if (result.comments.length < result.total) out(`Showing the newest ${result.comments.length}; use --limit for more.`);
  for (const comment of result.comments) {
    out();
    out(
      `#${comment.id}  ${comment.status}  ${comment.createdAt}  ${comment.articleSlug}${comment.parentId ? `  (reply to #${comment.parentId})` : ''}`,
    );
    out(`    ${printable(comment.name)} <${printable(comment.email)}>${comment.website ? `  ${printable(comment.website)}` : ''}`);
    if (comment.statusReason) out(`    why: ${printable(comment.statusReason)}`);
    const characters = Array.from(comment.body);
    const shown =
      characters.length > 500 ? `${characters.slice(0, 500).join('')}… (${characters.length - 500} more characters)` : comment.body;
    for (const line of printable(shown).split('\n')) out(`    | ${line}`);
  }
}

async function revalidate(lib: Lib, store: Store, slugs: string[], changed: number): Promise<void> {
  if (slugs.length === 0) return;
  const secret = lib.env.revalidateSecret;
  if (!secret) {
    note(`Note: REVALIDATE_SECRET is not set, so the site was not asked to update ${slugs.join(', ')}.`);
    note('The change is stored; the pages show it after their next revalidation (a change in /moderation or a rebuild).');
    return;
  }
  let site = DEFAULT_SITE;
  try {
    if (lib.settings.readSettingsEnv().SITE_URL?.trim()) site = lib.settings.getSettings().siteUrl;
  } catch (error) {
    note(
      `Note: SITE_URL is not valid (${error instanceof Error ? error.message.split('\n')[0] : 'unknown problem'}); the site was not asked to update.`,
    );
    return;
  }
  const paths = await lib.comments.commentPagesToRevalidate(store, slugs, changed);
  try {
    const response = await fetch(`${site}/api/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ paths }),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.ok) {
      out(`The site at ${site} updates ${plural(slugs.length, 'article page')}: ${slugs.join(', ')}.`);
      return;
    }
    const reason =
      response.status === 401
        ? 'it refused REVALIDATE_SECRET (is it the same as the site’s?)'
        : response.status === 404
          ? 'revalidation is not configured there (REVALIDATE_SECRET unset on the site?)'
          : `it answered HTTP ${response.status}`;
    note(`Note: the site at ${site} did not update the pages: ${reason}. The change is stored.`);
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : 'unknown error';
    note(`Note: the site at ${site} could not be reached (${reason}), so it was not asked to update the pages.`);
    note('The change is stored; the pages show it after their next revalidation.');
  }
}

async function moderate(lib: Lib, store: Store, action: Action, ids: number[]): Promise<void> {
  const result = await store.moderate(ids, action, actor());
  const list = (numbers: number[]) => numbers.map((id) => `#${id}`).join(', ');
  if (result.changed.length > 0)
    out(`${PAST[action]} ${plural(result.changed.length, 'comment')}: ${list(result.changed.map((c) => c.id))}.`);
  if (result.unchanged.length > 0) {
    out(`Unchanged: ${list(result.unchanged)} (${action === 'restore' ? 'nothing to restore' : 'already in that state'}).`);
  }
  await revalidate(lib, store, result.articleSlugs, result.changed.length);
  if (result.notFound.length > 0) throw new Failure(`No comment with id ${list(result.notFound)}.`);
}

async function exportEmail(store: Store, email: string): Promise<void> {
  const data = await store.exportByEmail(email);
  out(JSON.stringify(data, null, 2));
  if (data.comments.length === 0) note('No comments are stored for that address.');
}

async function erase(lib: Lib, store: Store, email: string): Promise<void> {
  const result = await store.eraseByEmail(email);
  // The address is not repeated: this output may end up in a shell history or a ticket.
  out(`Erased ${plural(result.erased, 'comment')} and their history for that address.`);
  if (result.reparented > 0) {
    out(`${plural(result.reparented, 'reply')} by other readers now answer the comment above (or start a thread).`);
  }
  await revalidate(lib, store, result.articleSlugs, result.erased + result.reparented);
}

async function run(lib: Lib, command: string, args: string[]): Promise<void> {
  if (!isCommand(command)) throw new UsageError(`Unknown command ${JSON.stringify(command)}.`);
  const parsed = parseCommandLine(command, args);
  if (parsed === null) {
    out(commandUsage(command));
    return;
  }
  // Everything on the command line is checked before the store is opened.
  if (command === 'list') {
    const options = parseListOptions(lib, parsed);
    await list(lib, await lib.comments.getCommentStore(), options);
  } else if (command === 'export' || command === 'erase') {
    const email = parseEmail(lib, command, parsed.positionals);
    const store = await lib.comments.getCommentStore();
    await (command === 'export' ? exportEmail(store, email) : erase(lib, store, email));
  } else {
    const ids = parseIds(command, parsed.positionals);
    await moderate(lib, await lib.comments.getCommentStore(), command, ids);
  }
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? note : out)(USAGE);
    return command === undefined ? 2 : 0;
  }
  const lib = await importLib();
  if (lib === 'needs-condition') return rerunWithReactServerCondition();
  try {
    await run(lib, command, args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      note(`${NAME}: ${error.message}`);
      note('');
      note(error.usage);
      return 2;
    }
    if (error instanceof Failure) {
      note(`${NAME}: ${error.message}`);
      return 1;
    }
    if (lib.comments.isCommentStoreError(error)) {
      note(`${NAME}: ${error.readerMessage} (${error.code}: ${error.message})`);
      return 1;
    }
    note(`${NAME}: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await lib.comments.closeCommentStore().catch(() => undefined);
  }
}

// Exit once both streams are flushed: a large export piped to a file must not be cut short.
function finish(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main().then(finish, (error: unknown) => {
  note(`${NAME}: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  finish(1);
});
