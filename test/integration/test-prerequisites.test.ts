import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import checkPrerequisites from '../../scripts/test-prerequisites-setup';
import {
  CHROMIUM_PATH,
  SUITE_NEEDS,
  chromiumAt,
  missingPrerequisites,
  postgresAt,
  redisAt,
  reportMissingPrerequisites,
  type Prerequisite,
  type PrerequisiteId,
} from '../../scripts/test-prerequisites';

const ROOT = path.resolve(import.meta.dirname, '../..');
const servers: net.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A loopback server that answers whatever it first receives with `reply`. */
async function fakeServer(reply: Buffer | string): Promise<number> {
  const server = net.createServer((socket) => {
    socket.once('data', () => socket.end(reply));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const FAKE_CHROMIUM = '/nonexistent/assay-test/chromium';
const CHROMIUM_LINE = `Chromium not found at ${FAKE_CHROMIUM}: the end-to-end tests drive it. Install it with: apt-get install chromium`;

describe('chromium', () => {
  it('names the path, who needs it and the install command when it is missing', async () => {
    expect(await chromiumAt(FAKE_CHROMIUM).check()).toBe(CHROMIUM_LINE);
  });

  it("passes for the machine's Chromium, the one the end-to-end tests launch", async () => {
    expect(CHROMIUM_PATH).toBe('/usr/bin/chromium');
    expect(await chromiumAt(CHROMIUM_PATH).check()).toBeNull();
  });

  it('refuses a file that is there but cannot be run', async () => {
    expect(await chromiumAt(path.join(ROOT, 'package.json')).check()).toMatch(
      /^Chromium not executable at .*package\.json: the end-to-end tests/,
    );
  });
});

describe('postgres', () => {
  it("passes when the port answers an SSLRequest as PostgreSQL does ('N' or 'S')", async () => {
    expect(await postgresAt('127.0.0.1', await fakeServer('N')).check()).toBeNull();
    expect(await postgresAt('127.0.0.1', await fakeServer('S')).check()).toBeNull();
  });

  it('names the address when nothing answers, or something else does', async () => {
    const port = await closedPort();
    expect(await postgresAt('127.0.0.1', port).check()).toMatch(
      new RegExp(`^PostgreSQL not answering on 127\\.0\\.0\\.1:${port}: the storage tests use it`),
    );
    const other = await fakeServer('HTTP/1.1 400 Bad Request\r\n\r\n');
    expect(await postgresAt('127.0.0.1', other).check()).toMatch(/is not PostgreSQL/);
  });
});

describe('redis', () => {
  it('passes when PING gets +PONG', async () => {
    expect(await redisAt('127.0.0.1', await fakeServer('+PONG\r\n')).check()).toBeNull();
  });

  it('names the address when nothing answers, or PING is refused', async () => {
    const port = await closedPort();
    expect(await redisAt('127.0.0.1', port).check()).toMatch(
      new RegExp(`^Redis not answering on 127\\.0\\.0\\.1:${port}: the storage tests use it`),
    );
    const locked = await fakeServer('-NOAUTH Authentication required.\r\n');
    expect(await redisAt('127.0.0.1', locked).check()).toMatch(/did not answer PING/);
  });
});

describe('missingPrerequisites', () => {
  const down = async (): Promise<Prerequisite> => {
    const port = await closedPort();
    return { check: () => postgresAt('127.0.0.1', port).check() };
  };

  it('checks only what the named suites declare', async () => {
    const registry: Record<PrerequisiteId, Prerequisite> = {
      chromium: chromiumAt(FAKE_CHROMIUM),
      postgres: await down(),
      redis: await down(),
    };
    const needs = { unit: [], e2e: ['chromium'], storage: ['postgres'] } as const;
    expect(await missingPrerequisites(['unit'], needs, registry)).toEqual([]);
    expect(await missingPrerequisites(['e2e'], needs, registry)).toEqual([CHROMIUM_LINE]);
    const both = await missingPrerequisites(['e2e', 'storage'], needs, registry);
    expect(both).toHaveLength(2);
    expect(both[1]).toMatch(/^PostgreSQL not answering/);
  });

  it('today the e2e suites need Chromium, the postgres suites PostgreSQL, the team e2e Redis', () => {
    expect(SUITE_NEEDS).toEqual({
      unit: [],
      postgres: ['postgres'],
      e2e: ['chromium', 'postgres', 'redis'],
      'e2e-postgres': ['chromium', 'postgres'],
    });
  });

  it('passes on this machine for every suite', async () => {
    expect(await missingPrerequisites(Object.keys(SUITE_NEEDS))).toEqual([]);
  });

  it('turns an unknown suite into a line instead of skipping it', async () => {
    expect(await missingPrerequisites(['storage'])).toEqual([
      'unknown test suite "storage": declare its prerequisites in scripts/test-prerequisites.ts',
    ]);
  });
});

describe('the npm test step', () => {
  it('prints one "npm test:" line per missing prerequisite and exits 1', async () => {
    const lines: string[] = [];
    const code = await reportMissingPrerequisites(
      [],
      (line) => lines.push(line),
      async () => [CHROMIUM_LINE],
    );
    expect(code).toBe(1);
    expect(lines).toEqual([`npm test: ${CHROMIUM_LINE}`]);
  });

  it('checks every suite when none is named', async () => {
    const asked: string[][] = [];
    const code = await reportMissingPrerequisites(
      [],
      () => {},
      async (suites) => {
        asked.push([...suites]);
        return [];
      },
    );
    expect(code).toBe(0);
    expect(asked).toEqual([Object.keys(SUITE_NEEDS)]);
  });

  it('runs as a command: silent with exit 0 here, one line and exit 1 for an unknown suite', () => {
    const run = (args: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/check-test-prerequisites.ts', ...args],
        { cwd: ROOT, encoding: 'utf8' },
      );
    const ok = run([]);
    expect([ok.status, ok.stdout, ok.stderr]).toEqual([0, '', '']);
    const bad = run(['e2e', 'nosuch']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      'npm test: unknown test suite "nosuch": declare its prerequisites in scripts/test-prerequisites.ts\n',
    );
  });
});

describe('the vitest globalSetup', () => {
  it('lets a project with everything it needs start', async () => {
    await expect(checkPrerequisites({ name: 'e2e' })).resolves.toBeUndefined();
  });

  it('stops a project before its tests with one line and no stack', async () => {
    const error = await checkPrerequisites({ name: 'nosuch' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'vitest nosuch: unknown test suite "nosuch": declare its prerequisites in scripts/test-prerequisites.ts',
    );
    expect((error as Error).stack).toBe((error as Error).message);
  });
});
