import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, type DocumentNode } from 'graphql';

/**
 * Reads a service's SDL files (the federation contract, kept beside the code) into one
 * document. Paths are relative to the calling module, e.g. `import.meta.url`.
 */
export function loadSchemaFiles(base: string, paths: string[]): DocumentNode {
  const sdl = paths.map((path) => readFileSync(fileURLToPath(new URL(path, base)), 'utf8')).join('\n');
  return parse(sdl);
}
