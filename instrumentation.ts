import { environmentWarnings, getSettings, SettingsError } from '@/lib/settings';

/**
 * Runs once as the server starts, before it answers a request: bad site
 * settings stop it with one message naming every problem, never a stack trace,
 * and a variable that looks like a misspelt setting is warned about.
 * A production server then starts the clock that publishes scheduled articles
 * and, with REDIS_URL, listens for the other servers' publications (lib/cluster).
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
    const { installRequestGate } = await import('@/lib/request-gate');
    installRequestGate();
    const { publicationClockWanted, publishHere, startPublicationClock } = await import('@/lib/publishing');
    const { clusterWanted, startCluster } = await import('@/lib/cluster');
    // Another server published: read this server's content folder too, and regenerate the same pages.
    if (clusterWanted()) {
      startCluster(async (announcement) => {
        const status = await publishHere('relay');
        if (status !== 200) console.error(`Cluster: relaying the publication of ${announcement.from} answered ${status}`);
      });
    }
    if (publicationClockWanted()) {
      startPublicationClock();
      // Told at start, not at the first comment: a store that cannot be reached or written.
      const { checkCommentStoreAtStart } = await import('@/lib/comments');
      void checkCommentStoreAtStart();
    }
  }
}
