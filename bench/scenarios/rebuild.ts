import type { BenchContext } from './context.js';

export async function rebuild(context: BenchContext): Promise<void> {
  context.log('rebuild: not written yet');
}
