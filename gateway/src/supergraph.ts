import { composeServices } from '@apollo/composition';
import type { SubgraphDefinition } from './subgraphs.js';

export class CompositionError extends Error {
  constructor(readonly problems: string[]) {
    super(`the subgraphs do not compose:\n  ${problems.join('\n  ')}`);
    this.name = 'CompositionError';
  }
}

/**
 * Hints that do not threaten the contract: descriptions or defaults differing across
 * subgraphs are reconciled by composition itself. Every other hint is treated as an error.
 */
const HARMLESS_HINTS = new Set<string>(['INCONSISTENT_DESCRIPTION']);

export interface ComposedSupergraph {
  supergraphSdl: string;
  hints: { code: string; message: string }[];
}

/** Composes the subgraph SDLs in-process (no rover binary), failing on errors and hints that matter. */
export function composeSupergraph(subgraphs: readonly SubgraphDefinition[]): ComposedSupergraph {
  const result = composeServices(subgraphs.map(({ name, url, typeDefs }) => ({ name, url, typeDefs })));
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  const hints = result.hints.map((hint) => ({ code: hint.definition.code, message: hint.message }));
  const serious = hints.filter((hint) => !HARMLESS_HINTS.has(hint.code));
  if (serious.length > 0) throw new CompositionError(serious.map((hint) => `${hint.code}: ${hint.message}`));
  return { supergraphSdl: result.supergraphSdl, hints };
}
