import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonFile } from '../support/parse-json';
import { parse } from 'yaml';

// electron-builder cannot run here (it downloads Electron), so its configuration is checked
// the way it would be: against app-builder-lib's own JSON schema, which refuses unknown keys
// (a misspelt fuse would otherwise be dropped without a word and the fuse left as shipped).
const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const schema = readJsonFile(
  z.record(z.string(), z.unknown()),
  require.resolve('app-builder-lib/scheme.json'),
);
const config = parse(fs.readFileSync(path.join(root, 'electron.builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;

/** Why each one: the comments beside `electronFuses` in electron.builder.yml. */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const;

describe('electron.builder.yml', () => {
  it("is valid against electron-builder's schema, so every key is one it knows", () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check catches a misspelt fuse', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate({ ...config, electronFuses: { runAsnode: false } })).toBe(false);
    expect(validate.errors?.some((e) => e.params.additionalProperty === 'runAsnode')).toBe(true);
  });

  it('sets every security fuse', () => {
    expect(config.electronFuses).toMatchObject(REQUIRED_FUSES);
  });

  it('packs the app into an asar, which the asar fuses rely on', () => {
    expect(config.asar).toBe(true);
  });
});
