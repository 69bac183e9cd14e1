import os from 'node:os';
import path from 'node:path';

import { defineConfig, devices } from '@playwright/test';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium';

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;

// Each run gets its own comment database, so tests never see an earlier run's data.
const dataDir = path.join(os.tmpdir(), `dateline-e2e-${process.pid}`);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL,
    trace: 'off',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The tests run against the production build made by `next build`.
    command: `npx next start -H 127.0.0.1 -p ${port}`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      COMMENTS_SQLITE_PATH: path.join(dataDir, 'comments.sqlite'),
      MODERATOR_PASSWORD: 'e2e-moderator-password',
      // The comments CLI asks this server to revalidate article pages with it (tests/e2e/moderation.spec.ts).
      REVALIDATE_SECRET: 'e2e-revalidate-secret',
      // content:preview signs links with it (tests/e2e/preview.spec.ts).
      PREVIEW_SECRET: 'e2e-preview-secret-0123456789abcdef-0123',
      // The specs post as many readers from one machine, each with its own
      // X-Forwarded-For (support/submissions.ts), as a proxy on loopback would.
      TRUSTED_PROXIES: '127.0.0.1',
    },
  },
});
