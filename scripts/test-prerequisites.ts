import fs from 'node:fs';
import net from 'node:net';

/**
 * What each test suite (a vitest project) needs from the machine beyond `npm install`, checked
 * before any test runs so a missing piece is named in one line instead of failing deep inside
 * a test. A suite declares its needs in SUITE_NEEDS; only declared needs are enforced.
 */

/** test/support/browser.ts launches this one. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export type PrerequisiteId = 'chromium' | 'postgres' | 'redis';

export interface Prerequisite {
  /** Null when it is there; otherwise what is wrong, why it matters and the fix, in one line. */
  check(): Promise<string | null>;
}

export const SUITE_NEEDS: Readonly<Record<string, readonly PrerequisiteId[]>> = {
  unit: [],
  // The storage and integration suites again, on the machine's PostgreSQL (test-database.ts).
  postgres: ['postgres'],
  // team.e2e.ts serves a team server (PostgreSQL and Redis) whatever ASSAY_E2E_TEAM says.
  e2e: ['chromium', 'postgres', 'redis'],
  'e2e-postgres': ['chromium', 'postgres'],
};

const PROBE_TIMEOUT_MS = 1_500;

export function chromiumAt(file: string): Prerequisite {
  const role = 'the end-to-end tests drive it. Install it with: apt-get install chromium';
  return {
    check: async () => {
      try {
        fs.accessSync(file, fs.constants.X_OK);
        return null;
      } catch (err) {
        const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
        return `Chromium ${missing ? 'not found at' : 'not executable at'} ${file}: ${role}`;
      }
    },
  };
}

/**
 * PostgreSQL answers an SSLRequest (8 bytes) with one byte, 'S' or 'N', before any login, so a
 * real server is told apart from whatever else might hold the port, with no client library.
 */
export function postgresAt(host: string, port: number): Prerequisite {
  const where = `${host}:${port}`;
  const role =
    'the storage tests use it (trust auth). Start it (bash .ci/run does) or install it with: apt-get install postgresql';
  const sslRequest = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);
  return {
    check: async () => {
      const reply = await exchange(host, port, sslRequest, 1);
      if (reply === null) return `PostgreSQL not answering on ${where}: ${role}`;
      return reply === 'S' || reply === 'N'
        ? null
        : `Something on ${where} is not PostgreSQL: ${role}`;
    },
  };
}

export function redisAt(host: string, port: number): Prerequisite {
  const where = `${host}:${port}`;
  const role =
    'the storage tests use it, with no password. Start it (bash .ci/run does) or install it with: apt-get install redis-server';
  return {
    check: async () => {
      const reply = await exchange(host, port, Buffer.from('PING\r\n'), 7);
      if (reply === null) return `Redis not answering on ${where}: ${role}`;
      return reply === '+PONG\r\n' ? null : `Redis on ${where} did not answer PING: ${role}`;
    },
  };
}

export const PREREQUISITES: Readonly<Record<PrerequisiteId, Prerequisite>> = {
  chromium: chromiumAt(CHROMIUM_PATH),
  postgres: postgresAt('127.0.0.1', 5432),
  redis: redisAt('127.0.0.1', 6379),
};

/**
 * One line for each prerequisite that the given suites need and the machine lacks. An unknown
 * suite name is a line too, so a typo cannot skip the check.
 */
export async function missingPrerequisites(
  suites: readonly string[],
  needs: Readonly<Record<string, readonly PrerequisiteId[]>> = SUITE_NEEDS,
  registry: Readonly<Record<PrerequisiteId, Prerequisite>> = PREREQUISITES,
): Promise<string[]> {
  const unknown = suites.filter((suite) => !Object.hasOwn(needs, suite));
  const wanted = new Set(suites.flatMap((suite) => needs[suite] ?? []));
  const problems = await Promise.all([...wanted].map((id) => registry[id].check()));
  return [
    ...unknown.map(
      (suite) =>
        `unknown test suite "${suite}": declare its prerequisites in scripts/test-prerequisites.ts`,
    ),
    ...problems.filter((line) => line !== null),
  ];
}

/**
 * Sends `request` and resolves with the first `length` bytes of the reply as latin1, or null
 * when nothing answers in time (refused, closed, or silent).
 */
function exchange(
  host: string,
  port: number,
  request: Buffer,
  length: number,
): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let received = Buffer.alloc(0);
    const finish = (reply: string | null): void => {
      socket.destroy();
      resolve(reply);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => finish(null));
    socket.on('error', () => finish(null));
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= length) finish(received.subarray(0, length).toString('latin1'));
    });
    socket.on('end', () => finish(received.length > 0 ? received.toString('latin1') : null));
  });
}

/** Prints each missing prerequisite as one `npm test: …` line; the exit code to use. */
export async function reportMissingPrerequisites(
  suites: readonly string[],
  write: (line: string) => void,
  find: (suites: readonly string[]) => Promise<string[]> = missingPrerequisites,
): Promise<number> {
  const missing = await find(suites.length > 0 ? suites : Object.keys(SUITE_NEEDS));
  for (const line of missing) write(`npm test: ${line}`);
  return missing.length > 0 ? 1 : 0;
}
