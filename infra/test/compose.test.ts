import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseEnv, serviceEnvironmentSchema } from '@rapport/service-kit';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const composeText = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const initScript = readFileSync(join(root, 'infra/postgres/init/01-create-databases.sh'), 'utf8');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

type Environment = Record<string, string | number | boolean | null>;

interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Environment;
  ports?: string[];
  expose?: string[];
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] };
  volumes?: string[];
}

interface ComposeFile {
  version?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

// Compose merges `<<:` keys, which YAML 1.2 leaves off by default.
const compose = parse(composeText, { merge: true }) as ComposeFile;

const SUBGRAPHS = {
  contacts: 'CONTACTS_URL',
  'sales-pipeline': 'SALES_PIPELINE_URL',
  support: 'SUPPORT_URL',
  analytics: 'ANALYTICS_URL',
} as const;
type SubgraphName = keyof typeof SUBGRAPHS;
const subgraphNames = Object.keys(SUBGRAPHS) as SubgraphName[];

/** Stand-ins for what an operator must set, so interpolation can be checked without real secrets. */
const OPERATOR_ENVIRONMENT: Record<string, string> = {
  JWT_SECRET: 'a-secret-of-at-least-sixteen-characters',
  GATEWAY_IDENTITY_SECRET: 'an-identity-secret-of-at-least-32-characters',
  POSTGRES_PASSWORD: 'compose-test-password',
};

function service(name: string): ComposeService {
  const found = compose.services[name];
  assert.ok(found, `docker-compose.yml declares no service "${name}"`);
  return found;
}

function environmentOf(name: string): Environment {
  const environment = service(name).environment;
  assert.ok(environment && !Array.isArray(environment), `${name}: environment must be a mapping`);
  return environment;
}

/** Resolves ${VAR}, ${VAR:-default} and ${VAR:?message} the way compose does. */
function interpolate(value: string, variables: Record<string, string | undefined>): string {
  return value.replace(/\$\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?\}/g, (_match, name: string, operator?: string, operand?: string) => {
    const current = variables[name];
    const unset = operator?.startsWith(':') ? !current : current === undefined;
    if (!unset) return current ?? '';
    if (operator?.endsWith('-')) return operand ?? '';
    if (operator?.endsWith('?')) throw new Error(`${name} is required: ${operand}`);
    return '';
  });
}

/** What the container's process.env would hold: pass-through keys (null) stay unset when the host lacks them. */
function containerEnvironment(name: string, variables: Record<string, string | undefined> = OPERATOR_ENVIRONMENT) {
  const resolved: Record<string, string> = {};
  for (const [key, value] of Object.entries(environmentOf(name))) {
    if (value === null) {
      const passed = variables[key];
      if (passed !== undefined) resolved[key] = passed;
    } else resolved[key] = interpolate(String(value), variables);
  }
  return resolved;
}

function databaseOf(name: string): URL {
  return new URL(containerEnvironment(name)['DATABASE_URL'] ?? assert.fail(`${name} declares no DATABASE_URL`));
}

function initScriptDatabases(): string[] {
  const match = initScript.match(/^databases=\(([^)]*)\)/m);
  assert.ok(match?.[1], 'the init script lists its databases as databases=(...)');
  return match[1].trim().split(/\s+/);
}

describe('docker-compose.yml', () => {
  test('declares every part of the stack', () => {
    for (const name of ['postgres', 'kafka', ...subgraphNames, 'gateway']) service(name);
  });

  test('each subgraph listens on the address and port the gateway calls', () => {
    const gateway = containerEnvironment('gateway');
    for (const name of subgraphNames) {
      const environment = containerEnvironment(name);
      const url = new URL(gateway[SUBGRAPHS[name]] ?? assert.fail(`gateway declares no ${SUBGRAPHS[name]}`));
      assert.equal(url.hostname, name, `${SUBGRAPHS[name]} must name the compose service`);
      assert.equal(environment['PORT'], url.port, `${name}: PORT must match the gateway's ${SUBGRAPHS[name]}`);
      assert.deepEqual(service(name).expose?.map(String), [url.port], `${name}: expose its PORT`);
      // The services default to loopback, which the gateway container could not reach.
      assert.equal(environment['HOST'], '0.0.0.0', `${name}: HOST`);
    }
  });

  test('each subgraph connects to its own database on the compose Postgres', () => {
    const seen = new Set<string>();
    for (const name of subgraphNames) {
      const url = databaseOf(name);
      assert.match(url.protocol, /^postgres(ql)?:$/);
      assert.equal(url.hostname, 'postgres', `${name}: DATABASE_URL host`);
      const database = url.pathname.slice(1);
      assert.equal(database, `rapport_${name.replaceAll('-', '_')}`, `${name}: DATABASE_URL database`);
      assert.ok(!seen.has(database), `${database} is shared`);
      seen.add(database);
    }
  });

  test('each subgraph reaches Kafka and can verify tokens', () => {
    for (const name of subgraphNames) {
      const environment = environmentOf(name);
      assert.equal(containerEnvironment(name)['KAFKA_BROKERS'], 'kafka:9092', `${name}: KAFKA_BROKERS`);
      assert.ok('JWT_SECRET' in environment || 'JWKS_URL' in environment, `${name}: JWT_SECRET or JWKS_URL`);
    }
    const gateway = environmentOf('gateway');
    assert.ok('JWT_SECRET' in gateway || 'JWKS_URL' in gateway, 'gateway: JWT_SECRET or JWKS_URL');
  });

  test("each subgraph's environment passes the services' own validation", () => {
    for (const name of subgraphNames) {
      assert.doesNotThrow(() => parseEnv(serviceEnvironmentSchema, containerEnvironment(name)), `${name}`);
      const withJwks = containerEnvironment(name, { ...OPERATOR_ENVIRONMENT, JWKS_URL: 'https://issuer.example/jwks.json' });
      assert.doesNotThrow(() => parseEnv(serviceEnvironmentSchema, withJwks), `${name} with JWKS_URL`);
    }
  });

  test('no variable reaches a container as an empty string', () => {
    // The services validate optional URLs and names when present: "" fails, unset passes.
    for (const [name, definition] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(definition.environment ?? {})) {
        if (value === null) continue;
        assert.notEqual(String(value), '', `${name}: ${key} is empty`);
        assert.doesNotMatch(String(value), /\$\{[A-Z0-9_]+:?-\}/, `${name}: ${key} defaults to an empty string`);
      }
    }
  });

  test('the required secrets are demanded, not defaulted', () => {
    for (const name of [...subgraphNames, 'gateway']) {
      assert.throws(() => containerEnvironment(name, { POSTGRES_PASSWORD: 'x' }), /JWT_SECRET is required/, name);
    }
    for (const name of subgraphNames) {
      assert.throws(() => containerEnvironment(name, { JWT_SECRET: 'x'.repeat(16), GATEWAY_IDENTITY_SECRET: 'y'.repeat(32) }), /POSTGRES_PASSWORD is required/, name);
    }
    for (const name of [...subgraphNames, 'gateway']) {
      assert.throws(() => containerEnvironment(name, { JWT_SECRET: 'x'.repeat(16), POSTGRES_PASSWORD: 'x' }), /GATEWAY_IDENTITY_SECRET is required/, name);
    }
  });

  test('the gateway finds the four subgraphs and is the only service published to the host', () => {
    const gateway = containerEnvironment('gateway');
    assert.equal(gateway['PORT'], '4000');
    assert.equal(gateway['HOST'], '0.0.0.0');
    assert.equal(gateway['SUPERGRAPH_SOURCE'], 'static');
    for (const name of subgraphNames) {
      const url = new URL(gateway[SUBGRAPHS[name]] ?? assert.fail(`gateway: ${SUBGRAPHS[name]}`));
      assert.equal(url.pathname, '/graphql');
      assert.equal(`${url.hostname}:${url.port}`, `${name}:${containerEnvironment(name)['PORT']}`);
    }
    const published = (service('gateway').ports ?? []).map((port) => interpolate(String(port), {}));
    assert.deepEqual(published, ['4000:4000']);
    for (const [name, definition] of Object.entries(compose.services)) {
      if (name !== 'gateway') assert.equal(definition.ports, undefined, `${name} must not publish ports`);
    }
  });

  test('the init script creates exactly the databases the services name', () => {
    const used = subgraphNames.map((name) => databaseOf(name).pathname.slice(1)).sort();
    assert.deepEqual(initScriptDatabases().sort(), used);
    const postgres = service('postgres');
    assert.equal(postgres.image, 'postgres:16');
    assert.ok(
      postgres.volumes?.some((volume) => volume.startsWith('./infra/postgres/init:/docker-entrypoint-initdb.d')),
      'the init directory is mounted where the image runs it',
    );
    // The role the services log in as is the one the init script creates.
    const owner = containerEnvironment('postgres')['RAPPORT_DB_OWNER'];
    for (const name of subgraphNames) assert.equal(decodeURIComponent(databaseOf(name).username), owner, name);
  });

  test('Kafka runs in KRaft mode without ZooKeeper and creates no topics on its own', () => {
    const kafka = service('kafka');
    assert.equal(kafka.image, 'apache/kafka:3.9.0');
    const environment = containerEnvironment('kafka');
    assert.deepEqual(environment['KAFKA_PROCESS_ROLES']?.split(',').sort(), ['broker', 'controller']);
    assert.ok(environment['KAFKA_CONTROLLER_QUORUM_VOTERS'], 'KAFKA_CONTROLLER_QUORUM_VOTERS');
    assert.equal(environment['KAFKA_CONTROLLER_LISTENER_NAMES'], 'CONTROLLER');
    assert.equal(environment['KAFKA_ADVERTISED_LISTENERS'], 'PLAINTEXT://kafka:9092');
    assert.equal(environment['KAFKA_AUTO_CREATE_TOPICS_ENABLE'], 'false');
    assert.equal(environment['KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR'], '1');
    assert.ok(!Object.keys(environment).some((key) => key.includes('ZOOKEEPER')), 'no ZooKeeper settings');
    assert.ok(!Object.keys(compose.services).some((name) => name.includes('zookeeper')), 'no ZooKeeper service');
  });

  test('services start only after what they depend on is healthy', () => {
    for (const name of ['postgres', 'kafka', ...subgraphNames, 'gateway']) {
      assert.ok(service(name).healthcheck?.test, `${name} has a healthcheck`);
    }
    for (const name of subgraphNames) {
      assert.deepEqual(service(name).depends_on, {
        postgres: { condition: 'service_healthy' },
        kafka: { condition: 'service_healthy' },
      });
      assert.match(service(name).healthcheck?.test?.join(' ') ?? '', /\/readyz/);
    }
    for (const name of subgraphNames) {
      assert.equal(service('gateway').depends_on?.[name]?.condition, 'service_healthy', `gateway waits for ${name}`);
    }
  });

  test('every application service builds its own workspace from the one Dockerfile', () => {
    for (const name of [...subgraphNames, 'gateway']) {
      const build = service(name).build;
      assert.equal(build?.context, '.', `${name}: build context is the repository root`);
      assert.equal(build?.dockerfile ?? 'Dockerfile', 'Dockerfile');
      const workspace = build?.args?.['WORKSPACE'] ?? assert.fail(`${name}: no WORKSPACE build arg`);
      const manifest = JSON.parse(readFileSync(join(root, workspace, 'package.json'), 'utf8')) as {
        name: string;
        scripts?: Record<string, string>;
      };
      assert.equal(manifest.name, `@rapport/${name}`, `${name}: WORKSPACE ${workspace}`);
      // The image's CMD runs dist/index.js, which the build produces from src/index.ts.
      assert.ok(existsSync(join(root, workspace, 'src/index.ts')), `${workspace}/src/index.ts`);
    }
  });

  test('declares no file format version that would narrow what Compose accepts', () => {
    assert.equal(compose.version, undefined);
  });
});

describe('Dockerfile', () => {
  test('runs the built entry point as the unprivileged node user', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    assert.match(runtime, /^USER node$/m);
    assert.match(runtime, /^WORKDIR \/app\/\$\{WORKSPACE\}$/m);
    assert.match(runtime, /^CMD \["node", "dist\/index\.js"\]$/m);
    for (const line of dockerfile.match(/^FROM \S+/gm) ?? []) {
      assert.match(line, /^FROM (\$\{NODE_IMAGE\}|node:20-bookworm-slim)$/);
    }
    assert.match(dockerfile, /^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
  });

  test('ships the .graphql schema files next to the compiled modules that load them', () => {
    assert.match(dockerfile, /\*\.graphql/);
    assert.match(dockerfile, /dist/);
  });
});

/** Debian's docker-compose (v1) validates without a Docker daemon. */
function dockerCompose(args: string[], environment: Record<string, string>) {
  return spawnSync('docker-compose', ['--project-directory', root, '-f', join(root, 'docker-compose.yml'), ...args], {
    cwd: root,
    encoding: 'utf8',
    // Only what the file needs, so variables in the test runner's environment cannot mask a missing one.
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...environment },
  });
}
const dockerComposeMissing =
  spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).error !== undefined ? 'docker-compose not installed' : false;

describe('docker-compose config', () => {
  test('accepts the file', { skip: dockerComposeMissing }, () => {
    const result = dockerCompose(['config', '-q'], OPERATOR_ENVIRONMENT);
    assert.equal(result.status, 0, result.stderr);
  });

  test('refuses to run without JWT_SECRET and POSTGRES_PASSWORD', { skip: dockerComposeMissing }, () => {
    const withoutSecret = dockerCompose(['config', '-q'], { POSTGRES_PASSWORD: 'x' });
    assert.notEqual(withoutSecret.status, 0);
    assert.match(withoutSecret.stderr, /JWT_SECRET/);
    const withoutPassword = dockerCompose(['config', '-q'], { JWT_SECRET: 'x'.repeat(16), GATEWAY_IDENTITY_SECRET: 'y'.repeat(32) });
    assert.notEqual(withoutPassword.status, 0);
    assert.match(withoutPassword.stderr, /POSTGRES_PASSWORD/);
  });
});
