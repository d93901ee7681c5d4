import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AssayError } from '../../shared/errors';
import type { SecretCipher } from './secret-cipher';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Loads the 32-byte key from `file`, creating it with mode 0600 on first use. A key file that
 * others can read is tightened to 0600 rather than trusted as is.
 */
export function loadOrCreateKey(file: string): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    const fd = fs.openSync(file, 'wx', 0o600);
    const key = crypto.randomBytes(KEY_BYTES);
    fs.writeSync(fd, key.toString('base64'));
    fs.closeSync(fd);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) {
    fs.chmodSync(file, 0o600);
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new AssayError(
      'SECRET_STORE_UNAVAILABLE',
      `The key file ${file} is damaged (expected ${KEY_BYTES} bytes). Restore it, or delete it and re-enter your API keys.`,
    );
  }
  return key;
}

/**
 * AES-256-GCM with a key from a 0600 file: the headless counterpart of safeStorage. It keeps
 * API keys out of every other file (the settings file, SQLite, backups, exports); the key
 * file's permissions are what protect them at rest, as with ~/.aws/credentials.
 */
export function createKeyfileCipher(keyFile: string): SecretCipher {
  let key: Buffer | undefined;
  const getKey = (): Buffer => (key ??= loadOrCreateKey(keyFile));
  return {
    kind: 'keyfile',
    encrypt(plain) {
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', getKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'));
    },
    decrypt(ciphertext) {
      const raw = Buffer.from(ciphertext, 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) {
        return Promise.reject(
          new AssayError('SECRET_STORE_UNAVAILABLE', 'A stored secret is truncated'),
        );
      }
      try {
        const decipher = crypto.createDecipheriv(
          'aes-256-gcm',
          getKey(),
          raw.subarray(0, IV_BYTES),
        );
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const plain = Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]);
        return Promise.resolve(plain.toString('utf8'));
      } catch {
        return Promise.reject(
          new AssayError(
            'SECRET_STORE_UNAVAILABLE',
            `A stored secret cannot be decrypted with ${keyFile}; the key file was replaced. Re-enter the key in Settings.`,
          ),
        );
      }
    },
  };
}
