import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  REPO_ROOT,
  describeFinding,
  loadExceptions,
  reviewFindings,
  scanFolder,
  stageSources,
  type Finding,
  type ReviewedException,
} from '../support/electronegativity';
import { tempDir } from '../support/temp-dir';

const EXCEPTIONS_FILE = path.join(REPO_ROOT, 'test/electronegativity-exceptions.yaml');
const SCAN_TIMEOUT = 60_000;

describe('Electronegativity on the app sources', () => {
  it(
    'finds no HIGH issue, and no MEDIUM one that is neither fixed nor a reviewed exception',
    async () => {
      const dir = tempDir('assay-eng-');
      const sources = path.join(dir, 'src');
      fs.mkdirSync(sources);
      const staged = stageSources(sources);
      // The scan must see the window, the preload and the page, or an empty report means nothing.
      expect(staged).toEqual(
        expect.arrayContaining([
          'package.json',
          'main/electron/main-window.ts',
          'main/electron/web-guards.ts',
          'preload/index.ts',
          'renderer/index.html',
        ]),
      );
      expect(staged.some((f) => /\.(test|e2e)\.ts$/.test(f))).toBe(false);
      // An `eng-disable` comment would hide a finding from the scan, and so from review.
      const inlineDisables = staged.filter((f) =>
        fs.readFileSync(path.join(sources, f), 'utf8').includes('eng-disable'),
      );
      expect(inlineDisables, 'list reviewed findings in the exceptions file instead').toEqual([]);

      const report = await scanFolder(sources, path.join(dir, 'report.json'));
      expect(report.checks).toBeGreaterThan(30);
      // A file it cannot parse would show no findings at all, so that is a failure too.
      expect(report.errors.filter((e) => !e.tolerable)).toEqual([]);

      const review = reviewFindings(report.findings, loadExceptions(EXCEPTIONS_FILE));
      expect(
        review.blocking.map(describeFinding),
        'fix these, or review them and list them in test/electronegativity-exceptions.yaml',
      ).toEqual([]);
      expect(review.stale, 'these exceptions match no finding any more: remove them').toEqual([]);
    },
    SCAN_TIMEOUT,
  );

  it(
    'reports an insecure window, so an empty report is not a broken scan',
    async () => {
      const dir = tempDir('assay-eng-canary-');
      const sources = path.join(dir, 'src');
      fs.mkdirSync(sources);
      fs.writeFileSync(
        path.join(sources, 'window.ts'),
        [
          "import { BrowserWindow } from 'electron';",
          'export const open = (): BrowserWindow =>',
          '  new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } });',
        ].join('\n'),
      );
      const report = await scanFolder(sources, path.join(dir, 'report.json'));
      const found = report.findings.map((f) => `${f.severity} ${f.check}`);
      expect(found).toEqual(
        expect.arrayContaining([
          'HIGH CONTEXT_ISOLATION_JS_CHECK',
          'MEDIUM SANDBOX_JS_CHECK',
          'MEDIUM AUXCLICK_JS_CHECK',
        ]),
      );
      expect(reviewFindings(report.findings, []).blocking.length).toBeGreaterThanOrEqual(3);
    },
    SCAN_TIMEOUT,
  );
});

describe('the offline guard the scan runs under', () => {
  it('refuses every connection, loopback included, before it is made', async () => {
    let connections = 0;
    const server = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const probe = `
        const http = require('node:http');
        http.get('http://127.0.0.1:${port}/', () => console.log('CONNECTED'))
          .on('error', (e) => console.log(e.code));
        require('node:dns').lookup('example.invalid', (e) => console.log(e && e.code));`;
      const guard = path.join(REPO_ROOT, 'scripts/electronegativity/offline.cjs');
      const child = spawnSync(process.execPath, ['--require', guard, '-e', probe], {
        encoding: 'utf8',
      });
      expect(child.stdout.trim().split('\n').sort()).toEqual([
        'ERR_ASSAY_OFFLINE',
        'ERR_ASSAY_OFFLINE',
      ]);
      expect(connections).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('reviewFindings', () => {
  const finding = (over: Partial<Finding> = {}): Finding => ({
    check: 'PRELOAD_JS_CHECK',
    severity: 'MEDIUM',
    confidence: 'FIRM',
    file: 'main/electron/main-window.ts',
    line: 23,
    sample: '      preload: options.preloadPath,',
    description: 'Review the use of preload scripts.',
    manualReview: true,
    ...over,
  });
  const exception: ReviewedException = {
    check: 'PRELOAD_JS_CHECK',
    file: 'main/electron/main-window.ts',
    match: 'preload: options.preloadPath',
    reason: 'The preload exposes one narrow bridge.',
  };

  it('lets a MEDIUM finding through when an exception names its check, file and line text', () => {
    expect(reviewFindings([finding()], [exception])).toEqual({ blocking: [], stale: [] });
  });

  it('matches whatever line the flagged code has moved to', () => {
    expect(reviewFindings([finding({ line: 240 })], [exception]).blocking).toEqual([]);
  });

  it('blocks a MEDIUM finding in another file, for another check or on changed code', () => {
    for (const other of [
      finding({ file: 'main/electron/other-window.ts' }),
      finding({ check: 'SANDBOX_JS_CHECK' }),
      finding({ sample: '      preload: untrustedPath,' }),
    ]) {
      expect(reviewFindings([other], [exception])).toEqual({
        blocking: [other],
        stale: [exception],
      });
    }
  });

  it('never lets a HIGH finding through, listed or not', () => {
    const high = finding({ severity: 'HIGH' });
    expect(reviewFindings([high], [exception]).blocking).toEqual([high]);
  });

  it('ignores LOW and INFORMATIONAL findings', () => {
    const low = [finding({ severity: 'LOW' }), finding({ severity: 'INFORMATIONAL' })];
    expect(reviewFindings(low, []).blocking).toEqual([]);
  });
});

describe('loadExceptions', () => {
  it('reads the reviewed exceptions, each with a reason', () => {
    for (const entry of loadExceptions(EXCEPTIONS_FILE)) {
      expect(entry.reason.length).toBeGreaterThanOrEqual(20);
    }
  });

  it('rejects an entry without a reason, naming the file and the entry', () => {
    const file = path.join(tempDir('assay-eng-exc-'), 'exceptions.yaml');
    fs.writeFileSync(file, '- { check: PRELOAD_JS_CHECK, file: a.ts, match: preload }\n');
    expect(() => loadExceptions(file)).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: expect.stringMatching(/exceptions\.yaml: entry 0\.reason/),
      }),
    );
  });
});
