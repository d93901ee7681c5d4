import { app } from 'electron';
import { getLoadablePath } from 'sqlite-vec';
import { locateDevNativeBinding, toUnpackedAsarPath } from './native-paths';

export interface NativeModulePaths {
  readonly nativeBinding?: string;
  readonly vecExtensionPath: string;
}

/**
 * Where the store's native pieces come from in this run.
 * - Packaged: electron-builder rebuilt better-sqlite3 for Electron, so its default lookup
 *   works; sqlite-vec's path points into app.asar and is rewritten to app.asar.unpacked.
 * - Development: node_modules holds a Node-ABI better-sqlite3 (tests and the CLI need it),
 *   so the Electron-ABI copy from scripts/prepare-electron.mjs is used instead.
 */
export function resolveNativeModulePaths(): NativeModulePaths {
  const vecPath = getLoadablePath();
  if (app.isPackaged) return { vecExtensionPath: toUnpackedAsarPath(vecPath) };
  return {
    nativeBinding: locateDevNativeBinding(
      app.getAppPath(),
      process.versions.electron,
      process.versions.modules,
    ),
    vecExtensionPath: vecPath,
  };
}
