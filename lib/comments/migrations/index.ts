import 'server-only';

import { migration001 } from '@/lib/comments/migrations/001-comments';
import { migration002 } from '@/lib/comments/migrations/002-flood-control';
import { migration003 } from '@/lib/comments/migrations/003-moderator-access';
import { migration004 } from '@/lib/comments/migrations/004-form-use';

/**
 * One schema change, in each dialect. Versions only grow; an applied
 * migration is never edited, a change is a new one. Each runs in its own
 * transaction together with its row in `schema_migrations`.
 */
export type Migration = { version: number; name: string; sqlite: string; postgres: string };

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004];

export const LATEST_VERSION = MIGRATIONS.reduce((latest, m) => Math.max(latest, m.version), 0);

/** The migrations to apply to a database at `current`, in order, up to `to`. */
export function pendingMigrations(current: number, to: number = LATEST_VERSION): Migration[] {
  return MIGRATIONS.filter((m) => m.version > current && m.version <= to).sort((a, b) => a.version - b.version);
}
