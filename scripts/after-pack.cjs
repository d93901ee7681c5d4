// electron-builder afterPack hook: puts the Electron-ABI better-sqlite3 binary built by
// scripts/prepare-electron.mjs into the packaged app. This replaces electron-builder's
// `npmRebuild`, which rebuilds node_modules/better-sqlite3 in place and so breaks the Node
// build that the tests and the CLI load (and deletes it when the rebuild fails).
// The binary is built for this machine, so only packaging for the host platform is supported.
const fs = require('node:fs');
const path = require('node:path');

const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

exports.default = async function afterPack(context) {
  const root = path.resolve(__dirname, '..');
  const electronVersion =
    context.packager.config.electronVersion ?? require('electron/package.json').version;
  const source = path.join(root, '.electron-native', electronVersion, 'better_sqlite3.node');
  const platform = context.electronPlatformName;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  if (platform !== process.platform || arch !== process.arch) {
    throw new Error(
      `Assay packages better-sqlite3 built on this machine (${process.platform}-${process.arch}); build the ${platform}-${arch} installer on a ${platform}-${arch} machine.`,
    );
  }
  if (!fs.existsSync(source)) {
    throw new Error(
      `${source} is missing: run \`node scripts/prepare-electron.mjs\` first (npm run dist does).`,
    );
  }
  const resources =
    platform === 'darwin'
      ? path.join(
          context.appOutDir,
          `${context.packager.appInfo.productFilename}.app`,
          'Contents',
          'Resources',
        )
      : path.join(context.appOutDir, 'resources');
  const target = path.join(
    resources,
    'app.asar.unpacked',
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(source, target);
  console.log(`[after-pack] ${path.relative(root, source)} -> ${target}`);
};
