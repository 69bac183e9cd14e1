import { mainServerDatabase } from './server';
import { openDatabase, storedByEmail, type StoredComment } from './submissions';

/** The comments the main test server stored with this email address, oldest first. */
export function commentsByEmail(email: string): StoredComment[] {
  const db = openDatabase(mainServerDatabase());
  try {
    return storedByEmail(db, email).sort((a, b) => a.id - b.id);
  } finally {
    db.close();
  }
}

/**
 * Approves comments directly in the main server's database, as a moderator
 * would but without revalidating: the static article page keeps its HTML,
 * while the reply page (`/articles/<slug>/reply/<id>`), rendered per
 * request, shows them at once.
 */
export function approve(...ids: number[]): void {
  const db = openDatabase(mainServerDatabase(), { readonly: false });
  try {
    const update = db.prepare("UPDATE comments SET status = 'approved' WHERE id = ?");
    db.transaction(() => ids.forEach((id) => update.run(id)))();
  } finally {
    db.close();
  }
}

/** An email address used by one test only. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}
