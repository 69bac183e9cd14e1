// Shared set-up for the unit project. Services a suite needs (a throwaway
// PostgreSQL server) are started here and stopped in the returned teardown.
import type { TestProject } from 'vitest/node';

import { startPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the throwaway server's test database. */
    postgresUrl: string;
    /** Its maintenance database, for creating more databases. */
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  project.provide('postgresAdminUrl', server.adminUrl);
  // A test run killed before teardown still removes its server.
  const onExit = () => void server.stop();
  process.once('exit', onExit);
  return async () => {
    process.off('exit', onExit);
    await server.stop();
  };
}
