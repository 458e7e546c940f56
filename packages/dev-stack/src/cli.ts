import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ROLES, signToken, type Role } from '@rapport/service-kit';
import { loadDevIdentity, type DevIdentity } from './dev-identity.js';
import { startOfCurrentMonth } from './seed/plan.js';
import { runSeed } from './seed/run.js';
import { tenantIdFor } from './tenant-name.js';
import { dataDirectory, DEV_PORTS, findRepositoryRoot, SUBGRAPHS } from './layout.js';
import { ProcessSupervisor } from './supervisor.js';
import { assertPortFree, waitForHttp } from './wait.js';

const USAGE = `Usage:
  npm start [-- --demo]                            the whole stack on this machine; --demo fills a demo
                                                   tenant (200 customers) on first start
  npm run seed -- [--tenant demo] [--customers 10000] [--seed 1] [--as-of 2026-01-01]
                  [--gateway http://localhost:4000/graphql] [--token <admin JWT>]
                                                   a realistic tenant, created through the gateway
  npm run token -- [--tenant <uuid>] [--roles admin,sales] [--member <id>] [--expires 12h]
  npm run reset                                    delete the development data (.data/)`;

const [command = 'start', ...rest] = process.argv.slice(2);
const root = findRepositoryRoot();
const dataDir = dataDirectory(root);
const pidFile = join(dataDir, 'stack.pid');

function stackIsRunning(): boolean {
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function token(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: 'string' },
      roles: { type: 'string', default: 'admin' },
      member: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  const identity = loadDevIdentity(dataDir);
  const roles = (values.roles ?? 'admin').split(',').map((role) => role.trim()).filter(Boolean);
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) throw new Error(`unknown role(s): ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  const tenantId = values.tenant ?? identity.tenantId;
  if (!/^[0-9a-f-]{36}$/i.test(tenantId)) throw new Error('--tenant must be a UUID');
  const signed = await signToken(
    process.env['JWT_SECRET'] ?? identity.secret,
    { tenantId, memberId: values.member ?? identity.memberId, roles: roles as Role[] },
    { expiresIn: values.expires ?? '12h' },
  );
  process.stdout.write(`${signed}\n`);
}

function adminToken(identity: DevIdentity, tenantId: string, expiresIn = '12h'): Promise<string> {
  return signToken(process.env['JWT_SECRET'] ?? identity.secret, { tenantId, memberId: identity.memberId, roles: ['admin'] }, { expiresIn });
}

async function seed(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: 'string', default: 'demo' },
      customers: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      'as-of': { type: 'string' },
      gateway: { type: 'string', default: `http://127.0.0.1:${DEV_PORTS.gateway}/graphql` },
      token: { type: 'string' },
      concurrency: { type: 'string', default: '3' },
    },
  });
  const customers = Number(values.customers);
  const seedNumber = Number(values.seed);
  if (!Number.isInteger(customers) || customers < 1) throw new Error('--customers must be a positive integer');
  if (!Number.isInteger(seedNumber)) throw new Error('--seed must be an integer');
  const asOf = values['as-of'] ? new Date(values['as-of']) : startOfCurrentMonth();
  if (Number.isNaN(asOf.getTime())) throw new Error('--as-of must be a date');
  const tenantId = tenantIdFor(values.tenant ?? 'demo');
  const token = values.token ?? (await adminToken(loadDevIdentity(dataDir), tenantId));
  console.log(`seeding tenant ${values.tenant} (${tenantId}) through ${values.gateway}`);
  await runSeed({ customers, seed: seedNumber, asOf }, { url: values.gateway!, token, concurrency: Number(values.concurrency) });
}

function reset(): void {
  if (stackIsRunning()) throw new Error('the stack is running: stop it (Ctrl-C) before resetting');
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`deleted ${dataDir}`);
}

async function start(args: string[]): Promise<void> {
  const { values: startOptions } = parseArgs({ args, options: { demo: { type: 'boolean', default: false } } });
  if (stackIsRunning()) throw new Error(`the stack is already running (pid ${readFileSync(pidFile, 'utf8')})`);
  const startedAt = Date.now();
  await assertPortFree(DEV_PORTS.postgres, 'postgres');
  await assertPortFree(DEV_PORTS.kafka, 'kafka');
  for (const subgraph of SUBGRAPHS) await assertPortFree(subgraph.port, subgraph.name);
  await assertPortFree(DEV_PORTS.gateway, 'gateway');
  const identity = loadDevIdentity(dataDir);
  writeFileSync(pidFile, String(process.pid));
  const supervisor = new ProcessSupervisor(['postgres', 'kafka', ...SUBGRAPHS.map((s) => s.name), 'gateway', 'stack']);
  let stopping = false;

  const tsNode = ['--conditions=development', '--import', 'tsx'];
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    supervisor.log('stack', `${signal}: stopping`);
    await supervisor.stopAll();
    rmSync(pidFile, { force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // Children run detached (their own process groups), so a failure on the way up must stop
  // them here: exiting alone left Postgres and the services holding the ports.
  let devToken: string;
  let demo = '';
  try {
    supervisor.log('postgres', `starting embedded Postgres on 127.0.0.1:${DEV_PORTS.postgres} (data in .data/postgres)`);
    await new Promise<void>((resolve) =>
      supervisor.start({
        name: 'postgres',
        command: process.execPath,
        args: [...tsNode, fileURLToPath(new URL('./postgres-process.ts', import.meta.url)), '--data-dir', join(dataDir, 'postgres'), '--port', String(DEV_PORTS.postgres)],
        cwd: root,
        env: { ...process.env },
        onLine: (line) => {
          if (line.includes('"event":"ready"')) resolve();
        },
      }),
    );
    const databaseUrl = (database: string) => `postgres://postgres:postgres@127.0.0.1:${DEV_PORTS.postgres}/${database}`;

    const brokerBin = fileURLToPath(new URL('../bin/rapport-kafka.mjs', import.meta.resolve('@rapport/kafka-broker')));
    supervisor.start({
      name: 'kafka',
      command: process.execPath,
      args: [brokerBin, '--port', String(DEV_PORTS.kafka), '--data-dir', join(dataDir, 'kafka')],
      cwd: root,
      env: { ...process.env },
    });

    const shared = {
      ...process.env,
      JWT_SECRET: identity.secret,
      KAFKA_BROKERS: `127.0.0.1:${DEV_PORTS.kafka}`,
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'info',
      RAPPORT_CREATE_DATABASE: 'true',
    };
    for (const subgraph of SUBGRAPHS) {
      supervisor.start({
        name: subgraph.name,
        command: process.execPath,
        args: [...tsNode, 'src/index.ts'],
        cwd: join(root, subgraph.workspace),
        env: { ...shared, PORT: String(subgraph.port), DATABASE_URL: databaseUrl(subgraph.database) },
      });
    }
    await Promise.all(SUBGRAPHS.map((s) => waitForHttp(`http://127.0.0.1:${s.port}/readyz`, 120_000, () => stopping)));

    supervisor.start({
      name: 'gateway',
      command: process.execPath,
      args: [...tsNode, 'src/index.ts'],
      cwd: join(root, 'gateway'),
      env: {
        ...shared,
        PORT: String(DEV_PORTS.gateway),
        SUPERGRAPH_SOURCE: 'introspect',
        // Introspection and field suggestions on, for tools and people exploring the graph.
        NODE_ENV: 'development',
        ...Object.fromEntries(SUBGRAPHS.map((s) => [s.urlVariable, `http://127.0.0.1:${s.port}/graphql`])),
      },
    });
    await waitForHttp(`http://127.0.0.1:${DEV_PORTS.gateway}/readyz`, 120_000, () => stopping);

    devToken = await signToken(identity.secret, { tenantId: identity.tenantId, memberId: identity.memberId, roles: ['admin'] }, { expiresIn: '30d' });
    if (startOptions.demo) {
      // Seeded once: the marker is written only after the whole demo tenant exists.
      const marker = join(dataDir, 'demo.json');
      const demoTenant = tenantIdFor('demo');
      if (!existsSync(marker)) {
        supervisor.log('stack', 'seeding the demo tenant (200 customers), once');
        await runSeed(
          { customers: 200, seed: 1, asOf: startOfCurrentMonth() },
          { url: `http://127.0.0.1:${DEV_PORTS.gateway}/graphql`, token: await adminToken(identity, demoTenant), log: (line) => supervisor.log('seed', line) },
        );
        writeFileSync(marker, JSON.stringify({ tenantId: demoTenant, customers: 200, seed: 1 }, null, 2));
      }
      demo = `
  Demo      tenant ${demoTenant}
  Demo token ${await adminToken(identity, demoTenant, '30d')}
`;
    }
  } catch (error) {
    supervisor.log('stack', `failed to start: ${error instanceof Error ? error.message : String(error)}`);
    stopping = true;
    await supervisor.stopAll();
    rmSync(pidFile, { force: true });
    throw error;
  }
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`
  Rapport is running (started in ${seconds}s)

  GraphQL   http://localhost:${DEV_PORTS.gateway}/graphql
  Tenant    ${identity.tenantId}
  Token     ${devToken}

  Try:  curl -s http://localhost:${DEV_PORTS.gateway}/graphql -H 'content-type: application/json' \\
          -H "authorization: Bearer <token>" -d '{"query":"{ customers { totalCount } }"}'
  Other tenants and roles:  npm run token -- --tenant <uuid> --roles sales,support
  Stop with Ctrl-C; data stays in .data/ (npm run reset deletes it).
${demo}`);
}

try {
  if (command === 'start') await start(rest);
  else if (command === 'token') await token(rest);
  else if (command === 'seed') await seed(rest);
  else if (command === 'reset') reset();
  else {
    console.error(USAGE);
    process.exit(2);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
