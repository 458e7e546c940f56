// SQL statements per request, counted by Postgres itself: the embedded server has no
// pg_stat_statements (it is not shipped, and would need preloading), so for a counting window
// the bench turns on log_statement = 'all' with the database in each line's prefix and counts
// the stack log's lines per database. Background work (outbox relays, consumers polling) is
// measured in an idle window of the same length right after and subtracted.
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import pg from 'pg';
import { databaseUrl } from './stack.js';

const LINE = /db=([a-z_]+) LOG:\s+(?:statement|execute [^:]*):\s*(.*)$/;
// Transaction control and the tenant setting around each query: counted, and also shown apart.
const BOOKKEEPING = /^(?:START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SELECT set_config\()/i;

/** Per database: `db` counts every statement, `db (queries)` only those that read or write data. */
export const queriesKey = (database: string) => `${database} (queries)`;

export interface StatementCounter {
  /** Statements per database run while `work` ran, background subtracted, divided by `units`. */
  measure(work: () => Promise<void>, units: number): Promise<Record<string, number>>;
  close(): Promise<void>;
}

function countSince(logFile: string, offset: number): { counts: Record<string, number>; end: number } {
  const end = statSync(logFile).size;
  const length = end - offset;
  const buffer = Buffer.alloc(Math.max(0, length));
  if (length > 0) {
    const fd = openSync(logFile, 'r');
    readSync(fd, buffer, 0, length, offset);
    closeSync(fd);
  }
  const counts: Record<string, number> = {};
  for (const line of buffer.toString('utf8').split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue;
    counts[match[1]!] = (counts[match[1]!] ?? 0) + 1;
    if (!BOOKKEEPING.test(match[2]!)) counts[queriesKey(match[1]!)] = (counts[queriesKey(match[1]!)] ?? 0) + 1;
  }
  return { counts, end };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

export async function createStatementCounter(logFile: string): Promise<StatementCounter> {
  const admin = new pg.Client(databaseUrl('postgres'));
  await admin.connect();
  // Logging every statement costs the server: it is on only inside a counting window.
  const logging = async (on: boolean) => {
    await admin.query(on ? `ALTER SYSTEM SET log_statement = 'all'` : 'ALTER SYSTEM RESET log_statement');
    await admin.query(on ? `ALTER SYSTEM SET log_line_prefix = '%m [%p] db=%d '` : 'ALTER SYSTEM RESET log_line_prefix');
    await admin.query('SELECT pg_reload_conf()');
    await settle();
  };
  await logging(false);
  return {
    async measure(work, units) {
      await logging(true);
      let offset = statSync(logFile).size;
      const started = performance.now();
      await work();
      const elapsed = performance.now() - started;
      await settle();
      const busy = countSince(logFile, offset);
      offset = busy.end;
      // The idle window: what the services run on their own in the same time.
      await new Promise((resolve) => setTimeout(resolve, elapsed));
      await settle();
      const idle = countSince(logFile, offset);
      offset = idle.end;
      // A second idle window halves the noise of the estimate.
      await new Promise((resolve) => setTimeout(resolve, elapsed));
      await settle();
      const idleAgain = countSince(logFile, offset);
      await logging(false);
      const result: Record<string, number> = {};
      for (const [database, count] of Object.entries(busy.counts)) {
        if (database.startsWith('postgres')) continue;
        const background = ((idle.counts[database] ?? 0) + (idleAgain.counts[database] ?? 0)) / 2;
        result[database] = Math.max(0, (count - background) / units);
      }
      return result;
    },
    async close() {
      await logging(false);
      await admin.end();
    },
  };
}
