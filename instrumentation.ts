import { SettingsError, getSettings } from '@/lib/settings';

/**
 * Runs once as the server starts, before it answers a request: bad site
 * settings stop it with one message naming every problem, never a stack trace.
 */
export function register(): void {
  try {
    getSettings();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
