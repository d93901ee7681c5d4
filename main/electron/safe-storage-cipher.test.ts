import { describe, expect, it } from 'vitest';
import { AssayError } from '../../shared/errors';
import { createSafeStorageCipher, type SafeStorageLike } from './safe-storage-cipher';

/** A reversible stand-in for the OS keychain: XOR with a fixed byte, plus a prefix. */
function fakeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageLike & {
  calls: string[];
} {
  const calls: string[] = [];
  const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((b) => b ^ 0x5a));
  return {
    calls,
    isAsyncEncryptionAvailable: () => Promise.resolve(options.available ?? true),
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptStringAsync: (plain) => {
      calls.push('encrypt');
      return Promise.resolve(Buffer.concat([Buffer.from('v11'), xor(Buffer.from(plain))]));
    },
    decryptStringAsync: (encrypted) => {
      calls.push('decrypt');
      if (!encrypted.subarray(0, 3).equals(Buffer.from('v11'))) {
        return Promise.reject(new Error('Error while decrypting the ciphertext provided'));
      }
      return Promise.resolve({
        result: xor(encrypted.subarray(3)).toString('utf8'),
        shouldReEncrypt: false,
      });
    },
  };
}

describe('createSafeStorageCipher', () => {
  it('round-trips through base64 ciphertext that does not contain the plaintext', async () => {
    const cipher = createSafeStorageCipher(fakeStorage(), 'linux');
    expect(cipher.kind).toBe('safeStorage');
    const secret = 'sk-test-1234567890 ünïcødé';
    const ciphertext = await cipher.encrypt(secret);
    expect(ciphertext).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(ciphertext, 'base64').toString('utf8')).not.toContain('sk-test');
    expect(await cipher.decrypt(ciphertext)).toBe(secret);
  });

  it('refuses to encrypt when the keychain is unavailable, without calling it', async () => {
    const storage = fakeStorage({ available: false });
    const cipher = createSafeStorageCipher(storage, 'darwin');
    const err = await cipher.encrypt('sk-x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssayError);
    expect((err as AssayError).code).toBe('SECRET_STORE_UNAVAILABLE');
    expect((err as AssayError).message).toContain('OPENAI_API_KEY');
    expect(storage.calls).toEqual([]);
  });

  it("treats Linux's basic_text fallback as unavailable", async () => {
    const storage = fakeStorage({ backend: 'basic_text' });
    const cipher = createSafeStorageCipher(storage, 'linux');
    await expect(cipher.encrypt('sk-x')).rejects.toMatchObject({
      code: 'SECRET_STORE_UNAVAILABLE',
      message: expect.stringContaining('basic_text'),
    });
    await expect(cipher.decrypt('djExAAAA')).rejects.toMatchObject({
      code: 'SECRET_STORE_UNAVAILABLE',
    });
    expect(storage.calls).toEqual([]);
    // The backend name is a Linux concept; elsewhere it is not consulted.
    await expect(createSafeStorageCipher(storage, 'win32').encrypt('sk-x')).resolves.toBeTruthy();
  });

  it('re-checks availability after a failure (a keyring unlocked later)', async () => {
    let available = false;
    const storage = {
      ...fakeStorage(),
      isAsyncEncryptionAvailable: () => Promise.resolve(available),
    };
    const cipher = createSafeStorageCipher(storage, 'linux');
    await expect(cipher.encrypt('a')).rejects.toMatchObject({ code: 'SECRET_STORE_UNAVAILABLE' });
    available = true;
    await expect(cipher.encrypt('a')).resolves.toBeTruthy();
  });

  it('reports undecryptable or empty ciphertext with a coded error', async () => {
    const cipher = createSafeStorageCipher(fakeStorage(), 'linux');
    await expect(cipher.decrypt(Buffer.from('garbage').toString('base64'))).rejects.toMatchObject({
      code: 'SECRET_STORE_UNAVAILABLE',
    });
    await expect(cipher.decrypt('')).rejects.toMatchObject({ code: 'SECRET_STORE_UNAVAILABLE' });
  });
});
