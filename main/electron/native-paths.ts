import fs from 'node:fs';
import path from 'node:path';
import { AssayError } from '../../shared/errors';

/**
 * Layout written by scripts/prepare-electron.mjs: an Electron-ABI build of better-sqlite3
 * kept apart from node_modules, whose Node-ABI build the tests and the CLI need.
 *   .electron-native/<electron version>/better_sqlite3.node
 *   .electron-native/<electron version>/build.json   { electron, abi, ... }
 */
export const ELECTRON_NATIVE_DIR = '.electron-native';
export const NATIVE_BINDING_FILE = 'better_sqlite3.node';
export const NATIVE_MARKER_FILE = 'build.json';

export function devNativeBindingPath(appRoot: string, electronVersion: string): string {
  return path.join(appRoot, ELECTRON_NATIVE_DIR, electronVersion, NATIVE_BINDING_FILE);
}

/**
 * The Electron-ABI better-sqlite3 binding for development, checked before the core tries to
 * load it: a missing or stale build becomes a clear instruction instead of a
 * NODE_MODULE_VERSION crash deep inside the store.
 */
export function locateDevNativeBinding(
  appRoot: string,
  electronVersion: string,
  abi: string,
): string {
  const binding = devNativeBindingPath(appRoot, electronVersion);
  const marker = path.join(path.dirname(binding), NATIVE_MARKER_FILE);
  const fix =
    'Run `npm start` (its prestart step, scripts/prepare-electron.mjs, builds it) and read its output if it fails.';
  if (!fs.existsSync(binding)) {
    throw new AssayError(
      'STORE_UNAVAILABLE',
      `The Electron build of better-sqlite3 is missing (${binding}). ${fix}`,
    );
  }
  const builtAbi = readMarkerAbi(marker);
  if (builtAbi !== abi) {
    throw new AssayError(
      'STORE_UNAVAILABLE',
      `The Electron build of better-sqlite3 at ${binding} is for ABI ${builtAbi ?? 'unknown'}, this Electron needs ${abi}. ${fix}`,
    );
  }
  return binding;
}

function readMarkerAbi(marker: string): string | null {
  try {
    const json: unknown = JSON.parse(fs.readFileSync(marker, 'utf8'));
    if (typeof json === 'object' && json !== null && 'abi' in json) {
      return String(json.abi);
    }
    return null;
  } catch {
    return null;
  }
}

/**
 * Native files cannot be loaded from inside an asar archive, so electron-builder unpacks them
 * (asarUnpack) to `app.asar.unpacked`; paths computed by packages still point into the
 * archive and are rewritten here. Only a whole `app.asar` path segment is rewritten.
 */
export function toUnpackedAsarPath(file: string): string {
  return file.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
}
