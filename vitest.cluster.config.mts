// The cluster suite (`npm run test:cluster`): real PostgreSQL, app servers and
// nginx with the shipped config. It needs a production build, so
// scripts/test.sh runs it after `next build`, apart from the unit projects.
import path from 'node:path';

import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    name: 'cluster',
    environment: 'node',
    include: ['tests/cluster/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
