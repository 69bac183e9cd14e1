import { getSettings, SettingsError } from '@/lib/settings';

/**
 * Runs once as the server starts, before it answers a request: bad site
 * settings stop it with one message naming every problem, never a stack trace.
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
  // Next.js reads NEXT_RUNTIME literally to leave the Node-only import out of the Edge bundle.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { publicationClockWanted, startPublicationClock } = await import('@/lib/publishing');
    if (publicationClockWanted()) startPublicationClock();
  }
}
