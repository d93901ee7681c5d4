import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_ENV_NAMES, type ServerEnvName } from '../../main/team/server-env';
import { teamOptionsFrom } from '../../main/team/team-options';
import { metricsPortFrom } from '../../main/metrics/metrics-listener';
import {
  composeText,
  DOCKER_DIR,
  interpolate,
  interpolatedNames,
  readCompose,
  readEnvExample,
  type ComposeService,
} from '../support/compose-stack';
import { tempDir } from '../support/temp-dir';

/**
 * Images cannot be pulled or built on this machine, so the stack is checked as written: each
 * service's image, healthcheck and volumes, the Assay services' environment against what the
 * server and worker read (SERVER_ENV), .env.example against what the compose file interpolates,
 * and the Dockerfile's shape. Where a compose CLI is installed, its own `config` check runs too.
 */
const root = path.resolve(DOCKER_DIR, '..');
const compose = readCompose();
const services = compose.services;
const envExample = readEnvExample();
const ASSAY = ['assay-server', 'assay-worker'] as const;
/** Services whose data must survive `down`/`up`, and where each keeps it. */
const STATEFUL: Record<string, string> = {
  postgres: '/var/lib/postgresql/data',
  redis: '/data',
  minio: '/data',
  prometheus: '/prometheus',
  grafana: '/var/lib/grafana',
  caddy: '/data',
  'assay-server': '/data',
};

function service(name: string): ComposeService {
  const found = services[name];
  if (!found) throw new Error(`no service ${name} in docker-compose.yml`);
  return found;
}

const commandOf = (s: ComposeService): string[] =>
  typeof s.command === 'string' ? s.command.split(/\s+/) : (s.command ?? []);

/** A service's environment as the container sees it, with .env.example as the .env. */
function resolvedEnv(name: string): Partial<Record<ServerEnvName, string>> {
  return Object.fromEntries(
    Object.entries(service(name).environment ?? {}).map(([k, v]) => [
      k,
      interpolate(v, envExample),
    ]),
  );
}

describe('docker-compose.yml services', () => {
  it('gives every service an image or a build, and a healthcheck unless it is a one-shot', () => {
    expect(Object.keys(services).sort()).toEqual(
      [
        'assay-server',
        'assay-worker',
        'caddy',
        'grafana',
        'minio',
        'minio-init',
        'postgres',
        'prometheus',
        'redis',
      ].sort(),
    );
    for (const [name, s] of Object.entries(services)) {
      expect(s.image ?? s.build, name).toBeDefined();
      if (s.restart === 'no') continue;
      expect(s.healthcheck?.test.length, `${name} healthcheck`).toBeGreaterThan(1);
    }
    expect(service('minio-init').restart).toBe('no');
    expect(service('postgres').image).toMatch(/^pgvector\/pgvector:pg1[6-9]/);
  });

  it('starts Assay only once its stores are healthy and the bucket exists', () => {
    for (const name of ASSAY) {
      const deps = service(name).depends_on ?? {};
      expect(deps.postgres?.condition, name).toBe('service_healthy');
      expect(deps.redis?.condition, name).toBe('service_healthy');
      expect(deps['minio-init']?.condition, name).toBe('service_completed_successfully');
    }
    const init = commandOf(service('minio-init')).join(' ');
    expect(init).toContain('mc mb --ignore-existing "local/$$ASSAY_S3_BUCKET"');
  });

  it('keeps the data of stateful services in declared named volumes', () => {
    const declared = new Set(Object.keys(compose.volumes ?? {}));
    for (const [name, target] of Object.entries(STATEFUL)) {
      const named = (service(name).volumes ?? [])
        .map((v) => v.split(':'))
        .filter(([source]) => !source!.startsWith('.') && !source!.startsWith('/'));
      expect(
        named.some(([, t]) => t === target),
        `${name} keeps ${target} in a volume`,
      ).toBe(true);
      for (const [source] of named) expect(declared, `${name}: ${source}`).toContain(source);
    }
    // Bind mounts point at files that exist in docker/.
    for (const [name, s] of Object.entries(services))
      for (const [source] of (s.volumes ?? []).map((v) => v.split(':')))
        if (source!.startsWith('./'))
          expect(fs.existsSync(path.join(DOCKER_DIR, source!)), `${name}: ${source}`).toBe(true);
  });

  it('runs Redis with an append-only file and no eviction (queues must not lose jobs)', () => {
    const command = commandOf(service('redis')).join(' ');
    expect(command).toContain('--appendonly yes');
    expect(command).toContain('--maxmemory-policy noeviction');
  });

  it('lets the worker scale: no container name, no host ports, the server’s image', () => {
    const worker = service('assay-worker');
    expect(worker.container_name).toBeUndefined();
    expect(worker.ports).toBeUndefined();
    expect(worker.image).toBe(service('assay-server').image);
    expect(commandOf(worker)[0]).toBe('worker');
    expect(commandOf(service('assay-server'))[0]).toBe('serve');
    // Only the TLS proxy is published: Assay, the stores and the metrics stay on the network.
    for (const [name, s] of Object.entries(services))
      if (name !== 'caddy') expect(s.ports, name).toBeUndefined();
  });
});

describe('the Assay services’ environment', () => {
  it('sets only variables the server and worker read (SERVER_ENV)', () => {
    for (const name of ASSAY)
      for (const key of Object.keys(service(name).environment ?? {}))
        expect(SERVER_ENV_NAMES, `${name}: ${key}`).toContain(key);
  });

  it('sets what team mode needs, and it parses as the server parses it', () => {
    for (const name of ASSAY) {
      const env = resolvedEnv(name);
      for (const key of [
        'ASSAY_DATABASE_URL',
        'ASSAY_REDIS_URL',
        'ASSAY_PUBLIC_URL',
        'ASSAY_METRICS_PORT',
        'ASSAY_S3_ENDPOINT',
        'ASSAY_S3_BUCKET',
        'ASSAY_S3_ACCESS_KEY_ID',
        'ASSAY_S3_SECRET_ACCESS_KEY',
      ] as const)
        expect(env[key], `${name}: ${key}`).toBeTruthy();
      const team = teamOptionsFrom({}, env, env.ASSAY_DATABASE_URL);
      expect(team).toMatchObject({
        redisUrl: 'redis://redis:6379',
        publicUrl: `https://${envExample.get('ASSAY_DOMAIN')}`,
        s3: { endpoint: 'http://minio:9000', bucket: envExample.get('ASSAY_S3_BUCKET') },
      });
      expect(new URL(env.ASSAY_DATABASE_URL!).host).toBe('postgres:5432');
      expect(metricsPortFrom(env.ASSAY_METRICS_PORT)).toBe(9464);
    }
    expect(resolvedEnv('assay-worker').ASSAY_WORKER_CONCURRENCY).toBe('20');
  });

  it('probes the server on the port it serves, and the worker on its metrics port', () => {
    expect(resolvedEnv('assay-server')).toMatchObject({
      ASSAY_HOST: '0.0.0.0',
      ASSAY_PORT: '7717',
    });
    // healthcheck.mjs defaults to /api/health on ASSAY_PORT (7717).
    expect(service('assay-server').healthcheck?.test).toEqual([
      'CMD',
      'node',
      '/app/docker/healthcheck.mjs',
    ]);
    expect(service('assay-server').environment?.ASSAY_PORT).toBe('7717');
    expect(service('assay-worker').healthcheck?.test.at(-1)).toBe('http://127.0.0.1:9464/metrics');
  });
});

describe('docker/README.md', () => {
  it('documents every variable the server and worker read', () => {
    const readme = fs.readFileSync(path.join(DOCKER_DIR, 'README.md'), 'utf8');
    expect(SERVER_ENV_NAMES.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });
});

describe('.env.example', () => {
  it('lists every variable the compose file interpolates, and nothing it does not use', () => {
    const used = interpolatedNames(composeText());
    expect([...used].filter((name) => !envExample.has(name))).toEqual([]);
    const unused = [...envExample.keys()].filter(
      (name) => !used.has(name) && name !== 'COMPOSE_PROJECT_NAME',
    );
    expect(unused).toEqual([]);
  });

  it('documents every variable it lists with a comment', () => {
    const lines = fs.readFileSync(path.join(DOCKER_DIR, '.env.example'), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (/^[A-Z]/.test(line) && !/^(AWS_|OPENAI_|ANTHROPIC_)/.test(line))
        expect(lines[i - 1], `comment above ${line}`).toMatch(/^#|^[A-Z]/);
    });
  });
});

describe('docker/Dockerfile', () => {
  const text = fs.readFileSync(path.join(DOCKER_DIR, 'Dockerfile'), 'utf8');
  const lines = text.split('\n').filter((l) => !l.trim().startsWith('#'));
  const froms = lines.filter((l) => /^FROM\s/i.test(l));

  it('builds in one stage and runs Node 20 slim, not as root, in another', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toMatch(/node:20-bookworm-slim/);
    const runtime = text.slice(text.lastIndexOf('\nFROM '));
    const user = runtime.match(/^USER\s+(\S+)/m)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    expect(runtime).toMatch(/^HEALTHCHECK .*healthcheck\.mjs/ms);
    expect(runtime).toMatch(/^ENTRYPOINT \["node", "\/app\/out\/cli\/main\.mjs"\]/m);
    // The runtime stage has no compilers.
    expect(runtime).not.toMatch(/g\+\+|build-essential/);
    expect(text).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD=1');
    expect(text).toMatch(/python3 make g\+\+/);
  });

  it('copies only paths that exist, and builds the CLI and the workbench UI', () => {
    for (const line of lines.filter((l) => /^COPY\s/.test(l) && !l.includes('--from'))) {
      const parts = line
        .replace(/--chown=\S+/, '')
        .trim()
        .split(/\s+/)
        .slice(1, -1);
      for (const source of parts)
        expect(fs.existsSync(path.join(root, source)), `COPY ${source}`).toBe(true);
    }
    expect(text).toContain('node scripts/build-cli.mjs');
    expect(text).toContain('node scripts/build-renderer.mjs');
    expect(text).toContain('npm prune --omit=dev');
  });

  it('keeps .env files and node_modules out of the build context', () => {
    const ignore = fs.readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['node_modules', '**/.env', '.git', 'out']) expect(ignore).toContain(entry);
  });
});

describe('Caddyfile', () => {
  it('serves ASSAY_DOMAIN over TLS in front of the server, without buffering streams', () => {
    const caddy = fs.readFileSync(path.join(DOCKER_DIR, 'Caddyfile'), 'utf8');
    expect(caddy).toMatch(/^\{\$ASSAY_DOMAIN\} \{/m);
    expect(caddy).toMatch(/name assay-server\s+port 7717/);
    expect(caddy).toContain('flush_interval -1');
    expect(caddy).toMatch(/@metrics path \/metrics/);
    expect(Object.keys(service('caddy').environment ?? {})).toContain('ASSAY_DOMAIN');
  });
});

/** `docker-compose` (v1, Debian's package) or the `docker compose` plugin, if installed. */
function composeCli(): string[] | null {
  for (const cli of [['docker-compose'], ['docker', 'compose']]) {
    const probe = spawnSync(cli[0]!, [...cli.slice(1), 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return cli;
  }
  return null;
}
const cli = composeCli();

describe('compose CLI', () => {
  it.runIf(cli !== null)('accepts the file with .env.example as the .env', () => {
    const dir = tempDir('assay-compose-');
    fs.cpSync(DOCKER_DIR, path.join(dir, 'docker'), { recursive: true });
    fs.copyFileSync(path.join(DOCKER_DIR, '.env.example'), path.join(dir, 'docker/.env'));
    const run = spawnSync(
      cli![0]!,
      [...cli!.slice(1), '-f', 'docker-compose.yml', 'config', '-q'],
      { cwd: path.join(dir, 'docker'), encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
