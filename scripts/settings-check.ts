// `tsx --conditions=react-server scripts/settings-check.ts`: validates the site
// settings in the environment (SITE_URL and the rest) the way the server does
// at start. The build runs it first: prerendered pages keep the settings of
// the build, so a bad one stops it with one message instead of a stack trace.
import { getSettings, SettingsError } from '@/lib/settings';

try {
  getSettings();
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
