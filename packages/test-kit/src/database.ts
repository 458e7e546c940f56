/**
 * The database a service's tests use: a database of its own on the test run's server
 * (DATABASE_URL, which the test runner sets to the embedded Postgres it started once).
 */
export function testDatabaseUrl(service: string): string {
  const server = process.env['DATABASE_URL'];
  if (!server) {
    throw new Error('DATABASE_URL is not set: run tests with `npm test` (root) or `rapport-node-test --with-postgres`');
  }
  const url = new URL(server);
  url.pathname = `/rapport_${service.replace(/-/g, '_')}_test`;
  return url.toString();
}
