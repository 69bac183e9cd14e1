import { environmentWarnings, getSettings, SettingsError } from '@/lib/settings';

/**
 * Runs once as the server starts, before it answers a request: bad site
 * settings stop it with one message naming every problem, never a stack trace,
 * and a variable that looks like a misspelt setting is warned about.
 * A production server then starts the clock that publishes scheduled articles.
 */
export async function register(): Promise<void> {
  try {
    getSettings();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  for (const warning of environmentWarnings()) console.warn(`Warning: ${warning}`);
  // Next.js reads NEXT_RUNTIME literally to leave the Node-only import out of the Edge bundle.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { publicationClockWanted, startPublicationClock } = await import('@/lib/publishing');
    if (publicationClockWanted()) startPublicationClock();
  }
}
