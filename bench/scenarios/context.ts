import type { StatementCounter } from '../lib/statements.js';
import type { Stack } from '../lib/stack.js';

export interface BenchContext {
  stack: Stack;
  tenantId: string;
  token: string;
  /** A fixed sample of the tenant's customers; requests cycle through it. */
  customerIds: string[];
  statements: StatementCounter;
  rounds: number;
  seconds: number;
  log(line: string): void;
  /** Tables printed so far, for the closing summary. */
  tables: string[];
}

export function cycle<T>(items: readonly T[]): () => T {
  let next = 0;
  return () => items[next++ % items.length]!;
}
