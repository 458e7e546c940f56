#!/usr/bin/env node
// Copies a service's .graphql files from src/ to dist/ after tsc, because the compiled
// service reads its SDL files relative to its own modules.
import { cpSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

function copy(dir, from, to) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) copy(path, from, to);
    else if (entry.endsWith('.graphql')) {
      const target = join(to, relative(from, path));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(path, target);
    }
  }
}
copy('src', 'src', 'dist');
