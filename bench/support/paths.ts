import path from 'node:path';

/** The checkout the benchmark measures (bench/ sits at its root). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const NEXT_BIN = path.join('node_modules', 'next', 'dist', 'bin', 'next');
export const AUTOCANNON_BIN = path.join(REPO_ROOT, 'node_modules', 'autocannon', 'autocannon.js');

/** Node arguments that run a TypeScript file the way `npm run content:check` does. */
export const TS_NODE_ARGS = ['--conditions=react-server', '--import', 'tsx'];
