// `tsx --conditions=react-server scripts/settings-check.ts`: validates the
// settings in the environment (SITE_URL and the rest) the way the server does
// at start, and warns about a variable that looks like a misspelt one. The build runs it first: prerendered pages keep the settings of
// the build, so a bad one stops it with one message instead of a stack trace.
import { environmentWarnings, getSettings, SettingsError } from '@/lib/settings';

try {
  getSettings();
  for (const warning of environmentWarnings()) console.warn(`Warning: ${warning}`);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
