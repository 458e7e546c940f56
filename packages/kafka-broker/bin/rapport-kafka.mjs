#!/usr/bin/env node
// Runs the TypeScript sources directly: tsx is registered in-process so the bin works from
// any working directory without a build step or non-portable shebang flags.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
