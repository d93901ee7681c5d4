import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp-dir';
import {
  devNativeBindingPath,
  locateDevNativeBinding,
  NATIVE_MARKER_FILE,
  toUnpackedAsarPath,
} from './native-paths';

describe('toUnpackedAsarPath', () => {
  it('rewrites the app.asar segment on POSIX and Windows paths', () => {
    expect(
      toUnpackedAsarPath('/opt/Assay/resources/app.asar/node_modules/sqlite-vec-linux-x64/vec0.so'),
    ).toBe('/opt/Assay/resources/app.asar.unpacked/node_modules/sqlite-vec-linux-x64/vec0.so');
    expect(
      toUnpackedAsarPath(
        'C:\\Program Files\\Assay\\resources\\app.asar\\node_modules\\sqlite-vec-windows-x64\\vec0.dll',
      ),
    ).toBe(
      'C:\\Program Files\\Assay\\resources\\app.asar.unpacked\\node_modules\\sqlite-vec-windows-x64\\vec0.dll',
    );
  });

  it('leaves other paths alone and never rewrites twice', () => {
    const dev = '/home/me/assay/node_modules/sqlite-vec-linux-x64/vec0.so';
    expect(toUnpackedAsarPath(dev)).toBe(dev);
    const unpacked = '/opt/Assay/resources/app.asar.unpacked/node_modules/x/vec0.so';
    expect(toUnpackedAsarPath(unpacked)).toBe(unpacked);
    const lookalike = '/opt/my-app.asar/x/vec0.so';
    expect(toUnpackedAsarPath(lookalike)).toBe(lookalike);
  });
});

describe('locateDevNativeBinding', () => {
  function prepare(root: string, marker: unknown): string {
    const binding = devNativeBindingPath(root, '45.5.0');
    fs.mkdirSync(path.dirname(binding), { recursive: true });
    fs.writeFileSync(binding, 'not really a binary');
    if (marker !== undefined) {
      fs.writeFileSync(
        path.join(path.dirname(binding), NATIVE_MARKER_FILE),
        JSON.stringify(marker),
      );
    }
    return binding;
  }

  it('returns the prepared binding when its ABI matches', () => {
    const root = tempDir();
    const binding = prepare(root, { electron: '45.5.0', abi: '150' });
    expect(binding).toBe(path.join(root, '.electron-native', '45.5.0', 'better_sqlite3.node'));
    expect(locateDevNativeBinding(root, '45.5.0', '150')).toBe(binding);
  });

  it('tells the user to run npm start when the binding is missing', () => {
    expect(() => locateDevNativeBinding(tempDir(), '45.5.0', '150')).toThrow(/npm start/);
    try {
      locateDevNativeBinding(tempDir(), '45.5.0', '150');
    } catch (err) {
      expect(err).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    }
  });

  it('refuses a binding built for another ABI or without a marker', () => {
    const stale = tempDir();
    prepare(stale, { electron: '45.5.0', abi: '140' });
    expect(() => locateDevNativeBinding(stale, '45.5.0', '150')).toThrow(/ABI 140.*needs 150/);
    const unmarked = tempDir();
    prepare(unmarked, undefined);
    expect(() => locateDevNativeBinding(unmarked, '45.5.0', '150')).toThrow(/ABI unknown/);
  });
});
