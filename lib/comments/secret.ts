import 'server-only';

import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { CommentStoreError } from '@/lib/comments/errors';
import { env } from '@/lib/env';

export const MIN_SECRET_LENGTH = 32;

const HOW_TO_SET =
  'Set COMMENT_SECRET to a random string of at least 32 characters, the same on every app server ' +
  '(for example the output of `openssl rand -base64 32`).';

let storedSecret: Buffer | undefined;

type SecretSettings = { secret?: string; isProduction: boolean; sharedDatabase: boolean };

const currentSettings = (): SecretSettings => ({
  secret: env.commentSecret,
  isProduction: env.isProduction,
  sharedDatabase: env.databaseUrl !== undefined,
});

/**
 * Problems with the comment settings, as sentences naming the variable; empty
 * when all is well. Meant for a startup check, so a production server without
 * a secret says so at once instead of on the first comment. A single server on
 * the embedded SQLite store keeps a generated secret beside its database, so
 * only several servers sharing PostgreSQL must be given one.
 */
export function commentConfigProblems(settings: SecretSettings = currentSettings()): string[] {
  if (settings.secret === undefined) {
    return settings.isProduction && settings.sharedDatabase
      ? [`COMMENT_SECRET is not set; app servers sharing DATABASE_URL must use the same one. ${HOW_TO_SET}`]
      : [];
  }
  return [...settings.secret].length < MIN_SECRET_LENGTH
    ? [`COMMENT_SECRET is too short (${[...settings.secret].length} characters). ${HOW_TO_SET}`]
    : [];
}

/** Throws one `config` error naming every problem; call it at server start. */
export function assertCommentConfig(): void {
  const problems = commentConfigProblems();
  if (problems.length > 0) throw new CommentStoreError('config', problems.join(' '), { setting: 'COMMENT_SECRET' });
}

/**
 * The deployment's secret: COMMENT_SECRET, or else one generated on first use
 * and kept in `data/comment-secret` (COMMENT_SECRET_FILE), so tokens and IP
 * hashes survive restarts, and pages built by `next build` carry tokens the
 * server started by `next start` accepts. Outside production with PostgreSQL and
 * no secret, a random one lives as long as the process.
 */
export function getCommentSecret(): Buffer {
  assertCommentConfig();
  if (env.commentSecret !== undefined) return Buffer.from(env.commentSecret, 'utf8');
  storedSecret ??= env.databaseUrl === undefined ? readOrCreateSecretFile() : randomBytes(32);
  return storedSecret;
}

function readOrCreateSecretFile(): Buffer {
  const file = path.resolve(/* turbopackIgnore: true */ env.commentSecretFile);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // `wx` fails when the file exists, so two processes starting at once agree on one secret.
    fs.writeFileSync(file, randomBytes(48).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if ([...secret].length < MIN_SECRET_LENGTH) {
    throw new CommentStoreError(
      'config',
      `The stored comment secret in ${file} is damaged. Delete it to make a new one, or ${HOW_TO_SET}`,
      {
        setting: 'COMMENT_SECRET',
      },
    );
  }
  return Buffer.from(secret, 'utf8');
}

/** A key for one purpose, so a token MAC can never be replayed as an IP hash or the reverse. */
export function deriveKey(secret: Buffer | string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`dateline/comments/${purpose}`).digest();
}
