import { parseArgs, type ParseArgsConfig } from 'node:util';

import { getSettings, readSettingsEnv } from '@/lib/settings';

// What the editors' commands share: a stop with a sentence and an exit code,
// and the runner that turns it into stderr and the process's exit code.

/** Ends a command with `message` on stderr and exit `code`: the editor's mistake, said plainly. */
export class Stop extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/**
 * Runs a command's main. A `Stop` prints its sentence; anything else is an
 * internal error, printed as one line under the command's name (exit 2),
 * never a stack trace.
 */
export function runCommand(name: string, main: () => Promise<number>): void {
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
      console.error(`${name}: internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      process.exitCode = 2;
    },
  );
}

/**
 * A command's options and positionals, strictly parsed; an unknown or
 * malformed option stops the command with the reason and its usage (exit 2).
 */
export function parseCommandLine<const O extends NonNullable<ParseArgsConfig['options']>>(
  name: string,
  usage: string,
  args: string[],
  options: O,
) {
  try {
    return parseArgs({ args, options, strict: true as const, allowPositionals: true as const });
  } catch (error) {
    throw new Stop(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n\n${usage}`, 2);
  }
}

/**
 * The running site's address: `given` (a command's --site), else SITE_URL,
 * else `fallback`. Null when `given` is not an http(s) address with nothing
 * after the host, so each command says so in its own words.
 */
export function siteAddress(given: string | undefined, fallback: string): string | null {
  if (given === undefined) return readSettingsEnv().SITE_URL?.trim() ? getSettings().siteUrl : fallback;
  return /^https?:\/\/[^/\s]+\/?$/.test(given) ? given.replace(/\/$/, '') : null;
}
