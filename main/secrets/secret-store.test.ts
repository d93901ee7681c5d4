import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesContaining, tempDir } from '../../test/support/temp-dir';
import { createKeyfileCipher } from './keyfile-cipher';
import { SecretStore } from './secret-store';

const KEY = 'sk-ant-api03-SECRET-value-0123456789abcdef';

async function open(dir: string, env: NodeJS.ProcessEnv = {}): Promise<SecretStore> {
  return SecretStore.open(
    path.join(dir, 'secrets.json'),
    createKeyfileCipher(path.join(dir, 'secret.key')),
    env,
  );
}

describe('SecretStore with the key-file cipher', () => {
  it('round-trips a key across restarts without writing its plaintext anywhere', async () => {
    const dir = tempDir();
    await (await open(dir)).update({ 'anthropic.apiKey': KEY });
    expect((await open(dir)).resolve('anthropic.apiKey')).toEqual({ value: KEY, source: 'stored' });
    expect(filesContaining(dir, KEY)).toEqual([]);
    expect(filesContaining(dir, 'SECRET-value')).toEqual([]);
  });

  it('creates the key file and the secrets file owner-only (0600)', async () => {
    const dir = tempDir();
    await (await open(dir)).update({ 'openai.apiKey': KEY });
    for (const file of ['secret.key', 'secrets.json']) {
      expect(fs.statSync(path.join(dir, file)).mode & 0o777).toBe(0o600);
    }
  });

  it('tightens a key file that others can read', async () => {
    const dir = tempDir();
    await (await open(dir)).update({ 'openai.apiKey': KEY });
    fs.chmodSync(path.join(dir, 'secret.key'), 0o644);
    expect((await open(dir)).resolve('openai.apiKey')?.value).toBe(KEY);
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('falls back to the environment, and a stored key wins over it', async () => {
    const dir = tempDir();
    const store = await open(dir, { OPENAI_API_KEY: 'sk-from-env-000000000000' });
    expect(store.resolve('openai.apiKey')).toEqual({
      value: 'sk-from-env-000000000000',
      source: 'env',
      envVar: 'OPENAI_API_KEY',
    });
    await store.update({ 'openai.apiKey': KEY });
    expect(store.resolve('openai.apiKey')?.source).toBe('stored');
    await store.update({ 'openai.apiKey': null });
    expect(store.resolve('openai.apiKey')?.source).toBe('env');
  });

  it('refuses a damaged secrets file instead of overwriting it', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'secrets.json'), '{ not json');
    await expect(open(dir)).rejects.toMatchObject({ code: 'SECRET_STORE_UNAVAILABLE' });
    expect(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8')).toBe('{ not json');
  });

  it('keeps ciphertext it cannot decrypt (a replaced key file) and reports the key unset', async () => {
    const dir = tempDir();
    await (await open(dir)).update({ 'openai.apiKey': KEY });
    const before = fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8');
    fs.rmSync(path.join(dir, 'secret.key'));
    const store = await open(dir);
    expect(store.resolve('openai.apiKey')).toBeNull();
    expect(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8')).toBe(before);
  });
});
