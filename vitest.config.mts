import os from 'node:os';
import path from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(__dirname),
  // `server-only` throws outside a React Server environment; tests run lib/ directly.
  'server-only': path.resolve(__dirname, 'tests/support/server-only.ts'),
};

const scratch = path.join(os.tmpdir(), `dateline-unit-${process.pid}`);

export default defineConfig({
  plugins: [react()],
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          // The comment store's default files (database, generated secret) go to a scratch folder.
          env: {
            COMMENTS_SQLITE_PATH: path.join(scratch, 'comments.sqlite'),
            COMMENT_SECRET_FILE: path.join(scratch, 'comment-secret'),
            DATELINE_CONTENT_CACHE_DIR: path.join(scratch, 'content-cache'),
            DATELINE_INTERNAL_CONTENT_FINGERPRINT_FILE: path.join(scratch, 'content-fingerprint.txt'),
          },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['tests/components/**/*.test.tsx'],
          setupFiles: ['tests/support/setup-dom.ts'],
        },
      },
    ],
  },
});
