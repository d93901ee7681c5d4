#!/usr/bin/env node
/**
 * Prepares what the desktop app needs from Electron, for `npm start` (prestart) and
 * `npm run dist`:
 *
 * 1. The Electron binary. electron 45's npm package downloads it lazily, and
 *    `electron-vite dev` refuses to start without node_modules/electron/path.txt.
 * 2. An Electron-ABI build of better-sqlite3 in .electron-native/<electron version>/.
 *    node_modules/better-sqlite3/build stays the Node-ABI build that the tests and the CLI
 *    load; it is never touched, because a failed in-place rebuild deletes it. In development
 *    the main process passes the copy made here to better-sqlite3 as `nativeBinding`.
 *
 * Both steps need the network (the Electron download; GitHub for a prebuilt binary or
 * electronjs.org for headers to compile against). With ASSAY_PREPARE_OFFLINE=1 the script
 * does everything else and stops before the first download.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const electronDir = path.join(root, 'node_modules', 'electron');
const betterSqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
const nativeRoot = path.join(root, '.electron-native');
const offline = process.env.ASSAY_PREPARE_OFFLINE === '1';

// Must match main/electron/native-paths.ts.
const BINDING_FILE = 'better_sqlite3.node';
const MARKER_FILE = 'build.json';

const log = (message) => console.log(`[prepare-electron] ${message}`);
const fail = (message) => console.error(`[prepare-electron] ERROR: ${message}`);
const rel = (file) => path.relative(root, file) || '.';

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function readJson(file) {
  const text = readText(file);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function run(command, args, options) {
  log(`$ ${[path.basename(command), ...args].join(' ')}  (in ${rel(options.cwd)})`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) log(`could not run ${command}: ${result.error.message}`);
  return result.status === 0;
}

// ---------------------------------------------------------------------------------------
// 1. The Electron binary

/** Mirrors the check in node_modules/electron/install.js (isInstalled). */
function electronBinaryProblem(version) {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const pathTxt = readText(path.join(electronDir, 'path.txt'));
  if (pathTxt === null) return `${rel(path.join(electronDir, 'path.txt'))} is missing`;
  const executable = path.join(electronDir, 'dist', pathTxt.trim());
  if (!fs.existsSync(executable)) return `${rel(executable)} is missing`;
  const distVersion = readText(path.join(electronDir, 'dist', 'version'))
    ?.trim()
    .replace(/^v/, '');
  if (distVersion && distVersion !== version) {
    return `node_modules/electron/dist holds Electron ${distVersion}, not ${version}`;
  }
  return null;
}

function ensureElectronBinary(version) {
  const problem = electronBinaryProblem(version);
  if (problem === null) {
    log(`Electron ${version} binary: present`);
    return true;
  }
  log(`Electron ${version} binary: ${problem}`);
  if (offline) {
    log('ASSAY_PREPARE_OFFLINE=1: not downloading it');
    return false;
  }
  log(`downloading Electron ${version} (node node_modules/electron/install.js)...`);
  // npm's own environment is kept here: it carries the user's electron_mirror and cache
  // settings from .npmrc, which @electron/get reads.
  const ok = run(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir });
  const after = electronBinaryProblem(version);
  if (ok && after === null) {
    log(`Electron ${version} binary: installed`);
    return true;
  }
  fail(
    [
      `the Electron ${version} binary could not be downloaded${after ? ` (${after})` : ''}.`,
      '  `npm start` runs it from node_modules/electron/dist. Check network access to',
      '  github.com (or set ELECTRON_MIRROR), then run `node node_modules/electron/install.js`',
      '  or `npm start` again.',
    ].join('\n'),
  );
  return false;
}

// ---------------------------------------------------------------------------------------
// 2. better-sqlite3 for Electron's ABI

/** A child environment without npm_config_*: npm's config could otherwise force Node's ABI. */
function buildEnv() {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)),
  );
}

function tryResolve(request) {
  try {
    return require.resolve(request);
  } catch {
    return null;
  }
}

function buildWithPrebuild(scratch, version) {
  const bin = tryResolve('prebuild-install/bin.js');
  if (!bin) {
    log('prebuild-install is not installed; skipping the prebuilt download');
    return false;
  }
  log('trying a prebuilt binary (prebuild-install, downloads from GitHub releases)...');
  return run(
    process.execPath,
    [
      bin,
      '--runtime',
      'electron',
      '--target',
      version,
      '--arch',
      process.arch,
      '--platform',
      process.platform,
      '--verbose',
    ],
    { cwd: scratch, env: buildEnv() },
  );
}

function buildWithNodeGyp(scratch, version) {
  const args = [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${version}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ];
  log('compiling from source with node-gyp (downloads Electron headers; takes minutes)...');
  // The scratch folder has no node_modules, so `npm exec` there would not find the project's
  // node-gyp; run it directly when installed, else let npm fetch it.
  const nodeGyp = tryResolve('node-gyp/bin/node-gyp.js');
  if (nodeGyp) return run(process.execPath, [nodeGyp, ...args], { cwd: scratch, env: buildEnv() });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return run(npm, ['exec', '--yes', '--', 'node-gyp', ...args], {
    cwd: scratch,
    env: buildEnv(),
    shell: process.platform === 'win32',
  });
}

function copyPackageWithoutBuild(scratch) {
  const buildDir = path.join(betterSqliteDir, 'build');
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(scratch), { recursive: true });
  fs.cpSync(betterSqliteDir, scratch, {
    recursive: true,
    filter: (source) => source !== buildDir && !source.startsWith(buildDir + path.sep),
  });
  log(`copied ${rel(betterSqliteDir)} (without build/) to ${rel(scratch)}`);
}

function ensureElectronSqlite(version, abi) {
  const betterSqliteVersion = readJson(path.join(betterSqliteDir, 'package.json'))?.version;
  if (!betterSqliteVersion) {
    fail(`${rel(betterSqliteDir)} is not installed; run \`npm install\` first.`);
    return false;
  }
  const outDir = path.join(nativeRoot, version);
  const target = path.join(outDir, BINDING_FILE);
  const markerFile = path.join(outDir, MARKER_FILE);
  const wanted = {
    electron: version,
    abi,
    betterSqlite3: betterSqliteVersion,
    platform: process.platform,
    arch: process.arch,
  };

  const marker = readJson(markerFile);
  const upToDate =
    marker !== null &&
    fs.existsSync(target) &&
    Object.entries(wanted).every(([key, value]) => marker[key] === value);
  if (upToDate) {
    log(
      `better-sqlite3 ${betterSqliteVersion} for Electron ${version} (ABI ${abi}): up to date in ${rel(target)}`,
    );
    return true;
  }
  log(
    `better-sqlite3 ${betterSqliteVersion} for Electron ${version} (ABI ${abi}, ${process.platform}-${process.arch}): building`,
  );
  // The app trusts the marker; a stale one must not outlive a failed rebuild.
  fs.rmSync(markerFile, { force: true });

  const scratch = path.join(nativeRoot, 'scratch', 'better-sqlite3');
  copyPackageWithoutBuild(scratch);
  if (offline) {
    log('ASSAY_PREPARE_OFFLINE=1: stopping before the download/compile step');
    return false;
  }

  const built = path.join(scratch, 'build', 'Release', BINDING_FILE);
  let method = null;
  if (buildWithPrebuild(scratch, version) && fs.existsSync(built)) method = 'prebuild-install';
  else if (buildWithNodeGyp(scratch, version) && fs.existsSync(built)) method = 'node-gyp';
  if (!method) {
    fail(
      [
        `could not build better-sqlite3 ${betterSqliteVersion} for Electron ${version} (ABI ${abi}).`,
        '  Both ways need the network: prebuild-install downloads from github.com, node-gyp',
        '  downloads headers from electronjs.org (and needs a C++ toolchain and Python).',
        `  The scratch copy is left in ${rel(scratch)} for inspection.`,
        '  node_modules/better-sqlite3/build was not touched: tests and the CLI still work.',
      ].join('\n'),
    );
    return false;
  }

  fs.mkdirSync(outDir, { recursive: true });
  // Copy then rename, so a crash never leaves a half-written binary under the final name.
  const partial = `${target}.partial`;
  fs.copyFileSync(built, partial);
  fs.renameSync(partial, target);
  const record = { ...wanted, method, builtAt: new Date().toISOString() };
  fs.writeFileSync(markerFile, `${JSON.stringify(record, null, 2)}\n`);
  fs.rmSync(scratch, { recursive: true, force: true });
  log(`built with ${method}: ${rel(target)}`);
  return true;
}

// ---------------------------------------------------------------------------------------

function main() {
  const version = readJson(path.join(electronDir, 'package.json'))?.version;
  const abi = readText(path.join(electronDir, 'abi_version'))?.trim();
  if (!version || !abi) {
    fail(`${rel(electronDir)} is missing or incomplete; run \`npm install\` first.`);
    return false;
  }
  log(`Electron ${version}, ABI ${abi}, ${process.platform}-${process.arch}`);
  // Both steps run even if the first fails, so one run reports every problem.
  const electronOk = ensureElectronBinary(version);
  const sqliteOk = ensureElectronSqlite(version, abi);
  return electronOk && sqliteOk;
}

if (main()) {
  log('ready');
} else {
  fail('Electron is not ready to run; see the messages above.');
  process.exitCode = 1;
}
